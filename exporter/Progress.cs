namespace WebexWholesale.Exporter;

/// <summary>
/// Progress of a long listing on stderr: a line per page at most every second, and the total at the end; a line as
/// soon as a request goes unanswered, then one at most every 5 s while it is retried.
/// </summary>
public sealed class Progress(TextWriter stderr, TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private readonly long _started = time.GetTimestamp();
    private readonly Lock _gate = new();
    private long _lastReport;
    private long _lastRetryReport;

    /// <summary>"1 customer", "2 customers".</summary>
    public static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    public void Listed(int count)
    {
        var now = time.GetTimestamp();
        if (_lastReport != 0 && time.GetElapsedTime(_lastReport, now) < Interval)
        {
            return;
        }

        _lastReport = now;
        stderr.WriteLine($"listed {Count(count, "customer")} ({Seconds(now)})");
    }

    public void Subscribers(int exported) =>
        stderr.WriteLine($"listed {Count(exported, "subscriber")} of those customers ({Seconds(time.GetTimestamp())})");

    public void Done(int count, int exported) =>
        stderr.WriteLine($"listed {Count(count, "customer")}, exporting {exported} ({Seconds(time.GetTimestamp())})");

    /// <summary>A step of a longer run, with the time since the start.</summary>
    public void Note(string text) => stderr.WriteLine($"{text} ({Seconds(time.GetTimestamp())})");

    /// <summary>A request is about to be sent again (<paramref name="what"/> says why).</summary>
    public void Retrying(string baseUrl, TimeSpan retryFor, string what)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_lastRetryReport != 0 && time.GetElapsedTime(_lastRetryReport, now) < RetryInterval)
            {
                return;
            }

            stderr.WriteLine(_lastRetryReport == 0
                ? $"no clear answer from {baseUrl}: {what}; retrying for up to {retryFor.TotalSeconds:0} s (--retry-for)"
                : $"still retrying ({Seconds(now)}): {what}");
            _lastRetryReport = now;
        }
    }

    private string Seconds(long now) => $"{time.GetElapsedTime(_started, now).TotalSeconds:0.0} s";
}
