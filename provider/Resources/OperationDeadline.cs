using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// The one deadline of a create, update or delete: the engine's custom timeout (or the default) from the operation's
/// start, joined with the engine's Cancel. Its token bounds everything the operation does: every HTTP attempt, every
/// retry wait, every poll. When it fires, <see cref="Expired"/> and <see cref="CancelledByEngine"/> say why.
/// </summary>
public sealed class OperationDeadline : IDisposable
{
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _engine;

    public OperationDeadline(TimeSpan timeout, TimeProvider time, CancellationToken engine)
    {
        _time = time;
        _engine = engine;
        Started = time.GetUtcNow();
        Timeout = timeout;
        _timer = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, engine);
    }

    public DateTimeOffset Started { get; }

    public TimeSpan Timeout { get; }

    public CancellationToken Token => _linked.Token;

    public bool Expired => _timer.IsCancellationRequested && !_engine.IsCancellationRequested;

    public bool CancelledByEngine => _engine.IsCancellationRequested;

    /// <summary>Time since the operation started (what "timed out after …" counts).</summary>
    public TimeSpan Elapsed => _time.GetUtcNow() - Started;

    public TimeSpan Remaining => Started + Timeout - _time.GetUtcNow();

    /// <summary>"1m05s", "42s": how long an operation ran, in messages.</summary>
    public static string Format(TimeSpan elapsed) =>
        elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s" : $"{elapsed.TotalSeconds:0}s";

    /// <summary>The failure of an operation this deadline (or the engine) stopped before there was a resource to record.</summary>
    /// <param name="when">what the operation was doing, e.g. "before customer x was provisioned; nothing was created"</param>
    public ProviderException Stopped(string when, OperationCanceledException stopped)
    {
        var answer = WebexCallStoppedException.LastAnswerOf(stopped) is { } last ? $" (the last answer from Webex: {last})" : "";
        return Expired
            ? new ProviderException(ProviderErrorKind.TimedOut, $"timed out after {Format(Elapsed)} {when}{answer}; " +
                                                                "allow more time with the customTimeouts resource option, or run `pulumi up` again")
            : new ProviderException(ProviderErrorKind.Cancelled, $"cancelled {when}{answer}");
    }

    /// <summary>
    /// How long a write cut off by the deadline may still look for what it may have created: short enough that the
    /// operation still returns within a second, with a thousand others stopped at the same moment.
    /// </summary>
    private static readonly TimeSpan LastLook = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// One short look after the deadline (a POST may have reached Webex), so that what exists is recorded, never
    /// orphaned: the answer, or null when none came within <see cref="LastLook"/>.
    /// </summary>
    public async Task<T?> LastLookAsync<T>(Func<CancellationToken, Task<T?>> find) where T : class
    {
        using var look = new CancellationTokenSource(LastLook, _time);
        try
        {
            return await find(look.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or WebexApiException)
        {
            return null; // no answer in time: the caller says what is known
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
