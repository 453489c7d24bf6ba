namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>All customers of one partner context as one paged list returned them, and when that list was started.</summary>
internal sealed record ListSnapshot(DateTimeOffset StartedAt, Task<ListSnapshot.Contents> Fetch)
{
    /// <param name="SawRemoval">
    /// a customer was being removed: when it vanishes between two pages, the pages shift and one customer can be
    /// missed, so such a list cannot prove that a customer does not exist
    /// </param>
    public sealed record Contents(IReadOnlyDictionary<string, Customer> ById, IReadOnlyDictionary<string, Customer> ByExternalId, bool SawRemoval);
}

/// <summary>
/// List snapshots of one partner context (the partner itself, or one sub-partner), for lookups that must see every
/// customer at once (by externalId) or many finished ones together. Only a list begun after a lookup was asked answers
/// it; a lone lookup is not worth a whole list and gets none. A snapshot is fetched once,
/// with the fleet's lifetime token rather than any caller's, since every caller in its window shares it.
/// </summary>
internal sealed class ListSnapshots(IWholesaleCustomersClient client, string? subPartner, TimeProvider time, FleetOptions options, CancellationToken lifetime)
{
    private readonly Lock _gate = new();
    private readonly DemandWindow _demand = new(time, options);
    private ListSnapshot? _current;
    private readonly List<TaskCompletionSource<ListSnapshot>> _awaitingNext = [];
    private bool _nextScheduled;

    /// <summary>How many pages the last complete list of all customers took: the cost of the next one.</summary>
    public int? KnownPages { get; private set; }

    /// <summary>Notes the pages a list of all customers took elsewhere (a pass of reads).</summary>
    public void NotePages(int pages)
    {
        lock (_gate)
        {
            KnownPages = pages;
        }
    }

    /// <summary>A list of all customers is worth taking once it answers this many waiting customers per page.</summary>
    private const int AnsweredPerPage = 3;

    /// <summary>Whether a list of all customers answers enough of <paramref name="waiting"/> customers to be worth its pages.</summary>
    public bool WorthAList(int waiting) => waiting >= AnsweredPerPage * (KnownPages ?? 1);

    /// <summary>A snapshot started at or after <paramref name="notBefore"/>: the one in flight if it qualifies, else a new one.</summary>
    public ListSnapshot StartedSince(DateTimeOffset notBefore)
    {
        lock (_gate)
        {
            return _current is { } current && current.StartedAt >= notBefore && !current.Fetch.IsFaulted ? current : StartLocked(time.GetUtcNow());
        }
    }

    /// <summary>
    /// The next snapshot started after this call, whoever starts it (reads, shared polls, or enough callers of this
    /// method together, after a moment's gathering); null when none starts within <paramref name="patience"/>. A
    /// lookup that must not miss a customer created by anyone else takes only a list begun after it was asked.
    /// </summary>
    public async Task<ListSnapshot?> NextAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var next = new TaskCompletionSource<ListSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
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

    private ListSnapshot StartLocked(DateTimeOffset now)
    {
        var snapshot = new ListSnapshot(now, FetchAsync());
        _current = snapshot;
        foreach (var waiting in _awaitingNext)
        {
            waiting.TrySetResult(snapshot);
        }

        _awaitingNext.Clear();
        _nextScheduled = false;
        return snapshot;
    }

    private async Task<ListSnapshot.Contents> FetchAsync()
    {
        await Task.Yield(); // the caller holds the lock; the pages are fetched outside it
        var byId = new Dictionary<string, Customer>(StringComparer.Ordinal);
        var byExternalId = new Dictionary<string, Customer>(StringComparer.Ordinal);
        var sawRemoval = false;
        await foreach (var customer in client.ListAsync(new CustomerListFilter { PageSize = options.PageSize }, subPartner, lifetime))
        {
            byId[customer.Id] = customer;
            if (customer.ExternalId is { } externalId)
            {
                byExternalId[externalId] = customer;
            }

            sawRemoval |= customer.Status == CustomerStatus.Deleting;
        }

        lock (_gate)
        {
            KnownPages = options.PagesFor(byId.Count);
        }

        return new ListSnapshot.Contents(byId, byExternalId, sawRemoval);
    }
}
