namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>How many calls arrived within the last <see cref="FleetOptions.DemandWindow"/>: whether they arrive together.</summary>
internal sealed class DemandWindow(TimeProvider time, FleetOptions options)
{
    private readonly Queue<DateTimeOffset> _arrivals = new();

    /// <summary>Counts a call arriving now; returns the calls within the window, this one included. Callers hold their own lock.</summary>
    public int Note()
    {
        var now = time.GetUtcNow();
        _arrivals.Enqueue(now);
        while (_arrivals.Count > 0 && now - _arrivals.Peek() > options.DemandWindow)
        {
            _arrivals.Dequeue();
        }

        return _arrivals.Count;
    }
}
