namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// The reads of one collection in one partner context. A read is answered only by what Webex showed after it was
/// asked: a list page requested after the read arrived, or a GET. A list taken earlier would report an item that was
/// removed or changed out of band in the meantime as it was, and a refresh would miss exactly the drift it exists to
/// show. Reads that arrive together gather for a moment and share a pass: the pages where their items were last seen,
/// or one list of the whole collection while some were never seen. A read that arrives while a pass pages is answered
/// by a later page of it that shows its item, or else by the next pass. An item that is not on its page (it moved, or
/// it is gone) is asked for by GET, since only a 404 says gone. Pages are looked at once and dropped: only where each
/// item was seen is kept.
/// </summary>
internal sealed class FreshReads<TItem>(IListing<TItem> collection, TimeProvider time, FleetOptions options,
    ListSnapshots<TItem> snapshots, WriteJournal journal, CancellationToken lifetime)
    where TItem : class
{
    private readonly Lock _gate = new();
    private readonly DemandWindow _demand = new(time, options);
    private readonly Dictionary<string, int> _pageOf = new(StringComparer.Ordinal);
    private readonly List<Reader> _waiting = [];
    private Task? _passes;
    private long _arrivals; // orders reads and page requests strictly; clocks can tie

    /// <summary>The item as Webex shows it now; null when Webex answers 404.</summary>
    public async Task<TItem?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        Reader? reader = null;
        lock (_gate)
        {
            if (_demand.Note() >= 2)
            {
                reader = new Reader(id, ++_arrivals);
                _waiting.Add(reader);
                _passes ??= Task.Run(RunPassesAsync, CancellationToken.None);
            }
        }

        if (reader is not null && await AnswerOfAsync(reader, cancellationToken) is { } seen)
        {
            return seen;
        }

        return await collection.GetAsync(id, cancellationToken); // alone, or not where a page showed it
    }

    private async Task<TItem?> AnswerOfAsync(Reader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.Answer.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _waiting.Remove(reader);
            }

            throw;
        }
    }

    private async Task RunPassesAsync()
    {
        while (true)
        {
            try
            {
                await Task.Delay(options.Gathering, time, lifetime); // reads that arrive just after the first share its pass
            }
            catch (OperationCanceledException)
            {
                break;
            }

            List<Reader> batch;
            IReadOnlyList<int>? pages;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _passes = null;
                    return;
                }

                batch = [.. _waiting];
                pages = PagesWorthFetchingLocked(batch);
            }

            var lookedAt = await PassAsync(pages);
            Release(batch, lookedAt);
        }

        List<Reader> left;
        lock (_gate)
        {
            left = [.. _waiting];
            _passes = null;
        }

        Release(left, lookedAt: []);
    }

    /// <summary>
    /// The pages that answer the batch: those where its items were last seen, or null for a list of all when enough
    /// were never seen to be worth one. Items never seen are asked for by GET after the pass (an item removed out of
    /// band is never seen again, and must not send its whole batch to GET with it). Empty when pages would cost more
    /// than a GET per item.
    /// </summary>
    private List<int>? PagesWorthFetchingLocked(List<Reader> batch)
    {
        var ids = batch.Select(reader => reader.Id).Distinct(StringComparer.Ordinal).ToList();
        var seen = ids.Where(_pageOf.ContainsKey).ToList();
        var neverSeen = ids.Count - seen.Count;
        if (neverSeen > 0 && (snapshots.KnownPages is not { } known || neverSeen >= known))
        {
            return null;
        }

        var pages = seen.Select(id => _pageOf[id]).Distinct().Order().ToList();
        return pages.Count < seen.Count ? pages : [];
    }

    /// <returns>the pages it looked at</returns>
    private async Task<HashSet<int>> PassAsync(IReadOnlyList<int>? pages)
    {
        var lookedAt = new HashSet<int>();
        try
        {
            if (pages is not null)
            {
                foreach (var index in pages)
                {
                    await LookAtPageAsync(index);
                    lookedAt.Add(index);
                }

                return lookedAt;
            }

            var seen = 0;
            for (var (more, next) = (true, 0); more; next++)
            {
                var page = await LookAtPageAsync(next);
                lookedAt.Add(next);
                seen += page.Items.Count;
                more = page.HasMore && page.Items.Count > 0;
            }

            snapshots.NotePages(options.PagesFor(seen));
        }
        catch (Exception error) when (error is WebexApiException or OperationCanceledException)
        {
            // The readers of this pass ask by GET, which may still succeed.
        }

        return lookedAt;
    }

    private async Task<ListedPage<TItem>> LookAtPageAsync(int index)
    {
        var asked = time.GetUtcNow();
        long arrivedBefore;
        lock (_gate)
        {
            arrivedBefore = _arrivals;
        }

        var page = await collection.ListPageAsync(index * options.PageSize, options.PageSize, lifetime);
        var answered = new List<(Reader Reader, TItem Item)>();
        lock (_gate)
        {
            var onPage = new Dictionary<string, TItem>(page.Items.Count, StringComparer.Ordinal);
            foreach (var item in page.Items)
            {
                var id = collection.IdOf(item);
                _pageOf[id] = index;
                onPage[id] = item;
            }

            // Only readers asked before the page was requested, and never for an item this provider changed since.
            foreach (var reader in _waiting)
            {
                if (reader.Arrival <= arrivedBefore && onPage.TryGetValue(reader.Id, out var item) && !journal.ChangedSince(WriteJournal.IdKey(reader.Id), asked))
                {
                    answered.Add((reader, item));
                }
            }

            var done = answered.Select(pair => pair.Reader).ToHashSet();
            _waiting.RemoveAll(done.Contains);
        }

        answered.ForEach(pair => pair.Reader.Answer.TrySetResult(pair.Item));
        return page;
    }

    /// <summary>Readers a pass could not answer ask by GET; an item missing from the page it was on has moved or gone.</summary>
    private void Release(List<Reader> readers, HashSet<int> lookedAt)
    {
        var unanswered = readers.Where(reader => !reader.Answer.Task.IsCompleted).ToList();
        lock (_gate)
        {
            foreach (var reader in unanswered)
            {
                _waiting.Remove(reader);
                if (_pageOf.TryGetValue(reader.Id, out var page) && lookedAt.Contains(page))
                {
                    _pageOf.Remove(reader.Id);
                }
            }
        }

        unanswered.ForEach(reader => reader.Answer.TrySetResult(null));
    }

    private sealed class Reader(string id, long arrival)
    {
        public string Id => id;
        public long Arrival => arrival;
        public TaskCompletionSource<TItem?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
