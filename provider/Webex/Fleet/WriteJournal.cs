namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// Which items of one collection this provider is changing or changed, and when, so that a list fetched before a
/// change never answers for that item: the list would show the item as it was.
/// </summary>
internal sealed class WriteJournal(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);
    private DateTimeOffset _lastRemoval = DateTimeOffset.MinValue;
    private int _removalsInFlight;

    public static string IdKey(string id) => "id:" + id;

    /// <summary>The journal key of an item's lookup key (a customer's externalId, a subscriber's e-mail).</summary>
    public static string LookupKey(string key) => "key:" + key;

    /// <summary>Marks the keys as changing now and again when the scope ends (the write may land at any moment between).</summary>
    public Scope Writing(bool removal, params string[] keys)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var key in keys)
            {
                var mark = _marks.TryGetValue(key, out var existing) ? existing : new Mark();
                mark.InFlight++;
                mark.Touched = now;
                _marks[key] = mark;
            }

            if (removal)
            {
                _removalsInFlight++;
                _lastRemoval = now;
            }
        }

        return new Scope(this, removal, keys);
    }

    /// <summary>True when a write to the key is running, or touched it at or after <paramref name="since"/>.</summary>
    public bool ChangedSince(string key, DateTimeOffset since)
    {
        lock (_gate)
        {
            return _marks.TryGetValue(key, out var mark) && (mark.InFlight > 0 || mark.Touched >= since);
        }
    }

    /// <summary>True when this provider removed an item at or after <paramref name="since"/> (pages may have shifted).</summary>
    public bool RemovedSince(DateTimeOffset since)
    {
        lock (_gate)
        {
            return _removalsInFlight > 0 || _lastRemoval >= since;
        }
    }

    private void End(bool removal, string[] keys)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var key in keys)
            {
                var mark = _marks[key];
                mark.InFlight--;
                mark.Touched = now;
            }

            if (removal)
            {
                _removalsInFlight--;
                _lastRemoval = now;
            }
        }
    }

    private sealed class Mark
    {
        public int InFlight { get; set; }
        public DateTimeOffset Touched { get; set; }
    }

    public readonly struct Scope(WriteJournal journal, bool removal, string[] keys) : IDisposable
    {
        public void Dispose() => journal.End(removal, keys);
    }
}
