namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>All items of one collection in one partner context as one paged list returned them, and when that list was started.</summary>
internal sealed record ListSnapshot<TItem>(DateTimeOffset StartedAt, Task<ListSnapshot<TItem>.Contents> Fetch)
    where TItem : class
{
    /// <param name="ByKey">the items by their lookup key (<see cref="IListing{TItem}.LookupKeyOf"/>)</param>
    /// <param name="SawRemoval">
    /// an item was being removed: when it vanishes between two pages, the pages shift and one item can be missed, so
    /// such a list cannot prove that an item does not exist
    /// </param>
    public sealed record Contents(IReadOnlyDictionary<string, TItem> ById, IReadOnlyDictionary<string, TItem> ByKey, bool SawRemoval);
}

/// <summary>
/// List snapshots of one collection in one partner context (the partner itself, or one sub-partner), for lookups that
/// must see every item at once (by lookup key) or many finished ones together. Only a list begun after a lookup was asked answers
/// it; a lone lookup is not worth a whole list and gets none. A snapshot is fetched once,
/// with the fleet's lifetime token rather than any caller's, since every caller in its window shares it.
/// </summary>
internal sealed class ListSnapshots<TItem>(IListing<TItem> collection, IEqualityComparer<string> lookupKeyComparer, TimeProvider time, FleetOptions options,
    CancellationToken lifetime)
    where TItem : class
{
    private readonly Lock _gate = new();
    private readonly DemandWindow _demand = new(time, options);
    private ListSnapshot<TItem>? _current;
    private readonly List<TaskCompletionSource<ListSnapshot<TItem>>> _awaitingNext = [];
    private bool _nextScheduled;

    /// <summary>How many pages the last complete list of the whole collection took: the cost of the next one.</summary>
    public int? KnownPages { get; private set; }

    /// <summary>Notes the pages a list of the whole collection took elsewhere (a pass of reads).</summary>
    public void NotePages(int pages)
    {
        lock (_gate)
        {
            KnownPages = pages;
        }
    }

    /// <summary>A list of the whole collection is worth taking once it answers this many waiting items per page.</summary>
    private const int AnsweredPerPage = 3;

    /// <summary>Whether a list of the whole collection answers enough of <paramref name="waiting"/> items to be worth its pages.</summary>
    public bool WorthAList(int waiting) => waiting >= AnsweredPerPage * (KnownPages ?? 1);

    /// <summary>A snapshot started at or after <paramref name="notBefore"/>: the one in flight if it qualifies, else a new one.</summary>
    public ListSnapshot<TItem> StartedSince(DateTimeOffset notBefore)
    {
        lock (_gate)
        {
            return _current is { } current && current.StartedAt >= notBefore && !current.Fetch.IsFaulted ? current : StartLocked(time.GetUtcNow());
        }
    }

    /// <summary>
    /// The next snapshot started after this call, whoever starts it (reads, shared polls, or enough callers of this
    /// method together, after a moment's gathering); null when none starts within <paramref name="patience"/>. A
    /// lookup that must not miss an item created by anyone else takes only a list begun after it was asked.
    /// </summary>
    public async Task<ListSnapshot<TItem>?> NextAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var next = new TaskCompletionSource<ListSnapshot<TItem>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_demand.Note() < 2)
            {
                return null; // alone: not worth a list, nor a wait
            }

            _awaitingNext.Add(next);
            if (!_nextScheduled && WorthAList(_awaitingNext.Count))
            {
                _nextScheduled = true;
                _ = StartAfterGatheringAsync();
            }
        }

        try
        {
            return await next.Task.WaitAsync(patience, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _awaitingNext.Remove(next);
            }

            return next.Task.IsCompletedSuccessfully ? next.Task.Result : null;
        }
    }

    private async Task StartAfterGatheringAsync()
    {
        try
        {
            await Task.Delay(options.Gathering, time, lifetime);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_gate)
        {
            StartLocked(time.GetUtcNow());
        }
    }

    private ListSnapshot<TItem> StartLocked(DateTimeOffset now)
    {
        var snapshot = new ListSnapshot<TItem>(now, FetchAsync());
        _current = snapshot;
        foreach (var waiting in _awaitingNext)
        {
            waiting.TrySetResult(snapshot);
        }

        _awaitingNext.Clear();
        _nextScheduled = false;
        return snapshot;
    }

    private async Task<ListSnapshot<TItem>.Contents> FetchAsync()
    {
        await Task.Yield(); // the caller holds the lock; the pages are fetched outside it
        var byId = new Dictionary<string, TItem>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, TItem>(lookupKeyComparer);
        var sawRemoval = false;
        await foreach (var item in collection.ListAsync(statuses: null, options.PageSize, lifetime))
        {
            byId[collection.IdOf(item)] = item;
            if (collection.LookupKeyOf(item) is { } key)
            {
                byKey[key] = item;
            }

            sawRemoval |= collection.IsBeingRemoved(item);
        }

        lock (_gate)
        {
            KnownPages = options.PagesFor(byId.Count);
        }

        return new ListSnapshot<TItem>.Contents(byId, byKey, sawRemoval);
    }
}
