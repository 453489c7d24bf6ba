namespace WebexWholesale.Simulator;

/// <summary>Faults queued through the control API, applied in order to the matching requests under <c>/v1</c>.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultSpec Spec, int Remaining)> _queue = [];
    private ChaosSettings? _chaos;
    private Random _random = new(1);
    private int _burstLeft;

    /// <summary>Random faults for every request that no queued fault matches; null turns them off.</summary>
    public void SetChaos(ChaosSettings? chaos)
    {
        lock (_gate)
        {
            _chaos = chaos;
            _random = new Random(chaos?.Seed ?? 1);
            _burstLeft = 0;
        }
    }

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
                return _chaos is { } chaos ? Draw(chaos, method) : null;
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

    private FaultSpec? Draw(ChaosSettings chaos, string method)
    {
        var latency = chaos.MaxLatencyMs > 0 ? _random.Next(chaos.MaxLatencyMs + 1) : 0;
        if (_burstLeft > 0 || _random.NextDouble() < chaos.RateLimitBurstRate)
        {
            _burstLeft = _burstLeft > 0 ? _burstLeft - 1 : Math.Max(0, chaos.BurstLength - 1);
            return new FaultSpec { Status = 429, RetryAfter = "1", LatencyMs = latency };
        }

        if (_random.NextDouble() < chaos.UnavailableRate)
        {
            return new FaultSpec { Status = 503, LatencyMs = latency };
        }

        var write = method is "POST" or "PUT" or "DELETE";
        if (write && _random.NextDouble() < chaos.DropAfterProcessingRate)
        {
            return new FaultSpec { DropAfterProcessing = true, LatencyMs = latency };
        }

        return latency > 0 ? new FaultSpec { LatencyMs = latency } : null;
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
