namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// Which items of one collection this provider is changing or changed, and when, so that a list fetched before a
/// change never answers for that item: the list would show the item as it was.
/// </summary>
/// <param name="lookupKeyComparer">when two lookup keys name the same item (a subscriber's e-mail in any case)</param>
internal sealed class WriteJournal(TimeProvider time, IEqualityComparer<string> lookupKeyComparer)
{
    private const string IdPrefix = "id:";
    private const string LookupPrefix = "key:";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Mark> _marks = new(new KeyComparer(lookupKeyComparer));
    private DateTimeOffset _lastRemoval = DateTimeOffset.MinValue;
    private int _removalsInFlight;

    public static string IdKey(string id) => IdPrefix + id;

    /// <summary>The journal key of an item's lookup key (a customer's externalId, a subscriber's e-mail).</summary>
    public static string LookupKey(string key) => LookupPrefix + key;

    /// <summary>Ids are compared as they are; lookup keys as the collection compares them.</summary>
    private sealed class KeyComparer(IEqualityComparer<string> lookup) : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) =>
            x is not null && y is not null && x.StartsWith(LookupPrefix, StringComparison.Ordinal) && y.StartsWith(LookupPrefix, StringComparison.Ordinal)
                ? lookup.Equals(x[LookupPrefix.Length..], y[LookupPrefix.Length..])
                : string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string key) =>
            key.StartsWith(LookupPrefix, StringComparison.Ordinal) ? lookup.GetHashCode(key[LookupPrefix.Length..]) : StringComparer.Ordinal.GetHashCode(key);
    }

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
