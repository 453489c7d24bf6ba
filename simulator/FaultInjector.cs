namespace WebexWholesale.Simulator;

/// <summary>Faults queued through the control API, applied in order to the matching requests under <c>/v1</c>.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultSpec Spec, int Remaining)> _queue = [];

    public void Enqueue(FaultSpec fault)
    {
        lock (_gate)
        {
            _queue.Add((fault, Math.Max(1, fault.Count)));
        }
    }

    public List<FaultSpec> Pending()
    {
        lock (_gate)
        {
            return [.. _queue.Select(entry => entry.Spec with { Count = entry.Remaining })];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    /// <summary>The fault for this request, if one matches; it is used up.</summary>
    public FaultSpec? Take(string method, string path)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(entry =>
                (entry.Spec.Method is null || string.Equals(entry.Spec.Method, method, StringComparison.OrdinalIgnoreCase)) &&
                (entry.Spec.PathPrefix is null || path.StartsWith(entry.Spec.PathPrefix, StringComparison.Ordinal)));
            if (index < 0)
            {
                return null;
            }

            var (spec, remaining) = _queue[index];
            if (remaining <= 1)
            {
                _queue.RemoveAt(index);
            }
            else
            {
                _queue[index] = (spec, remaining - 1);
            }

            return spec;
        }
    }
}

/// <summary>Requests per second above a configured rate are answered 429 with <c>Retry-After</c>.</summary>
public sealed class RateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _windowSecond = -1;
    private int _count;

    /// <summary>Requests allowed per second; 0 turns the limit off.</summary>
    public int PerSecond { get; set; }

    public bool TryAcquire()
    {
        if (PerSecond <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            var second = time.GetUtcNow().ToUnixTimeSeconds();
            if (second != _windowSecond)
            {
                _windowSecond = second;
                _count = 0;
            }

            return ++_count <= PerSecond;
        }
    }
}

/// <summary>What the simulator answered, for tests that count requests (e.g. that a POST was not replayed).</summary>
public sealed class RequestJournal
{
    private readonly Lock _gate = new();
    private readonly List<RequestRecord> _records = [];

    public void Add(RequestRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }
    }

    public List<RequestRecord> All()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }
}
