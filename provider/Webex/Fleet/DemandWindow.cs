namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>How many calls arrived within the last <see cref="FleetOptions.DemandWindow"/>: whether they arrive together.</summary>
internal sealed class DemandWindow(TimeProvider time, FleetOptions options)
{
    private readonly Queue<DateTimeOffset> _arrivals = new();
    private DateTimeOffset _latest;

    /// <summary>Counts a call arriving now; returns the calls within the window, this one included. Callers hold their own lock.</summary>
    public int Note()
    {
        var now = time.GetUtcNow();
        _arrivals.Enqueue(now);
        _latest = now;
        while (_arrivals.Count > 0 && now - _arrivals.Peek() > options.DemandWindow)
        {
            _arrivals.Dequeue();
        }

        return _arrivals.Count;
    }

    /// <summary>
    /// Calls per second among the window's arrivals, as of the last <see cref="Note"/>; calls closer together than one
    /// gathering count as arriving within one.
    /// </summary>
    public double PerSecond => _arrivals.Count / Math.Max((_latest - _arrivals.Peek()).TotalSeconds, options.Gathering.TotalSeconds);
}
