namespace WebexWholesale.Exporter;

/// <summary>Progress of a long listing on stderr: a line per page at most every second, and the total at the end.</summary>
public sealed class Progress(TextWriter stderr, TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly long _started = time.GetTimestamp();
    private long _lastReport;

    public void Listed(int count)
    {
        var now = time.GetTimestamp();
        if (_lastReport != 0 && time.GetElapsedTime(_lastReport, now) < Interval)
        {
            return;
        }

        _lastReport = now;
        stderr.WriteLine($"listed {count} customers ({time.GetElapsedTime(_started, now).TotalSeconds:0.0} s)");
    }

    public void Subscribers(int exported) =>
        stderr.WriteLine($"listed {exported} subscribers of those customers ({time.GetElapsedTime(_started).TotalSeconds:0.0} s)");

    public void Done(int count, int exported) =>
        stderr.WriteLine($"listed {count} customers, exporting {exported} ({time.GetElapsedTime(_started).TotalSeconds:0.0} s)");
}
