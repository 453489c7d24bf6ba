using System.Reflection;
using WebexWholesale.Provider.Resources.ProviderConfig;

namespace WebexWholesale.Provider.Protocol;

/// <summary>
/// The state of one plugin process: its configuration once Configure has run, and the cancellation that the engine's
/// Cancel (and process shutdown) triggers for every call in flight.
/// </summary>
public sealed class ProviderSession : IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private volatile ProviderSettings? _settings;

    public ProviderSession(Func<string, string?> environment) => Environment = environment;

    /// <summary>Reads environment variables; a parameter so that tests do not depend on the machine's environment.</summary>
    public Func<string, string?> Environment { get; }

    public ProviderSettings? Settings
    {
        get => _settings;
        set => _settings = value;
    }

    public CancellationToken ShutdownToken => _shutdown.Token;

    public static string Version { get; } = ReadVersion();

    /// <summary>Cancels every call in flight and every call still to come.</summary>
    public void Cancel() => _shutdown.Cancel();

    public CancellationTokenSource LinkCall(CancellationToken callToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(callToken, _shutdown.Token);

    public void Dispose() => _shutdown.Dispose();

    private static string ReadVersion()
    {
        var informational = typeof(ProviderSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? "0.0.0";
    }
}
