using System.Reflection;
using WebexWholesale.Provider.Resources.ProviderConfig;

namespace WebexWholesale.Provider.Protocol;

/// <summary>
/// The state of one plugin process: the configured provider once Configure has run, and the cancellation that the
/// engine's Cancel (and process shutdown) triggers for every call in flight.
/// </summary>
public sealed class ProviderSession(Func<string, string?> environment, Func<ProviderSettings, ConfiguredProvider> connect) : IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private ConfiguredProvider? _provider;

    /// <summary>Reads environment variables; a parameter so that tests do not depend on the machine's environment.</summary>
    public Func<string, string?> Environment { get; } = environment;

    /// <summary>The provider of the current configuration; null until Configure.</summary>
    public ConfiguredProvider? Provider
    {
        get
        {
            lock (_gate)
            {
                return _provider;
            }
        }
    }

    /// <summary>Applies a configuration; a new one replaces the provider (the engine configures a plugin once).</summary>
    public void Configure(ProviderSettings settings)
    {
        lock (_gate)
        {
            if (settings == _provider?.Settings)
            {
                return;
            }

            _provider?.Dispose();
            _provider = connect(settings);
        }
    }

    public CancellationToken ShutdownToken => _shutdown.Token;

    public static string Version { get; } = ReadVersion();

    /// <summary>Cancels every call in flight and every call still to come.</summary>
    public void Cancel() => _shutdown.Cancel();

    public CancellationTokenSource LinkCall(CancellationToken callToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(callToken, _shutdown.Token);

    public void Dispose()
    {
        _shutdown.Dispose();
        _provider?.Dispose();
    }

    private static string ReadVersion()
    {
        var informational = typeof(ProviderSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? "0.0.0";
    }
}
