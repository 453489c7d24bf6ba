using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Resources.ProviderConfig;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// What one resource or function call may use: the configured provider (null before Configure, or while its
/// configuration holds values unknown during a preview), the call's log, the clock, and a token cancelled by the
/// engine's Cancel, the client going away or the plugin shutting down.
/// </summary>
public sealed record ResourceContext(
    string Urn, string Name, ConfiguredProvider? Provider, IResourceLog Log, TimeProvider Time, CancellationToken Cancellation)
{
    public ProviderSettings? Settings => Provider?.Settings;

    public ConfiguredProvider RequireProvider() => Provider ?? throw ProviderException.NotConfigured();
}
