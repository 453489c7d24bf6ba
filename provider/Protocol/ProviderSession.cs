using System.Reflection;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.ProviderConfig;

namespace WebexWholesale.Provider.Protocol;

/// <summary>
/// The state of one plugin process: its configuration once Configure has run, and the cancellation that the engine's
/// Cancel (and process shutdown) triggers for every call in flight.
/// </summary>
public sealed class ProviderSession : IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TextWriter _stderr;
    private ProviderSettings? _settings;
    private WebexConnection? _connection;

    public ProviderSession(Func<string, string?> environment, TimeProvider time, TextWriter stderr)
    {
        Environment = environment;
        _time = time;
        _stderr = stderr;
    }

    /// <summary>Reads environment variables; a parameter so that tests do not depend on the machine's environment.</summary>
    public Func<string, string?> Environment { get; }

    public ProviderSettings? Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    /// <summary>The Webex client of the current configuration; null until Configure.</summary>
    public WebexConnection? Connection
    {
        get
        {
            lock (_gate)
            {
                return _connection;
            }
        }
    }

    public TimeProvider Time => _time;

    /// <summary>Applies a configuration; a new one replaces the Webex client (the engine configures a plugin once).</summary>
    public void Configure(ProviderSettings settings)
    {
        lock (_gate)
        {
            if (settings == _settings)
            {
                return;
            }

            _connection?.Dispose();
            _settings = settings;
            _connection = WebexConnection.Create(settings, _time, message => _stderr.WriteLine(message));
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
        _connection?.Dispose();
    }

    private static string ReadVersion()
    {
        var informational = typeof(ProviderSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? "0.0.0";
    }
}
