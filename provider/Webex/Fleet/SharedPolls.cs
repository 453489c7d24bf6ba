namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// Looks at the items that wait for Webex's asynchronous work, for all waiters of one collection in one partner
/// context together. A round lists the items in progress: one paged list serves every waiter. An item that has left
/// that list (it finished, failed or is gone) is looked up once, in a fresh list of the whole collection when that
/// costs fewer requests than a GET each, and by GET otherwise (a list cannot prove an item gone); its waiter hears at
/// once, whenever its own next look was due. Rounds are spaced by the in-progress pages they cost, so that waiting
/// spends at most <see cref="FleetOptions.PollPagesPerSecond"/>. While only one item is waited for, a look is a GET;
/// a collection without in-progress statuses (Webex answers its writes when done) is only ever looked at by GET.
/// </summary>
internal sealed class SharedPolls<TItem>(IListing<TItem> collection, TimeProvider time, FleetOptions options,
    ListSnapshots<TItem> snapshots, CancellationToken lifetime)
    where TItem : class
{
    /// <summary>The statuses of an item Webex is working on: the in-progress list asks for exactly these.</summary>
    private readonly IReadOnlyList<string> _working = collection.WorkingStatuses;

    private readonly Lock _gate = new();
    private readonly List<Look> _pending = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _rounds;
    private DateTimeOffset _nextRound = DateTimeOffset.MinValue;

    /// <summary>
    /// The item as Webex shows it <paramref name="after"/> from now, or sooner when a round sees it leave the
    /// in-progress list (null: Webex answers 404).
    /// </summary>
    /// <param name="lastStatus">the status the waiter last saw; an item last seen working is watched for its change</param>
    /// <param name="removal">the waiter waits for the item to be gone, which only a GET can tell</param>
    public Task<TItem?> NextAsync(string id, TimeSpan after, string? lastStatus, bool removal, CancellationToken cancellationToken)
    {
        var look = new Look(id, time.GetUtcNow() + after, lastStatus is not null && _working.Contains(lastStatus), removal);
        lock (_gate)
        {
            _pending.Add(look);
            _rounds ??= Task.Run(RunRoundsAsync, CancellationToken.None);
            _wake.TrySetResult();
        }

        var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _pending.Remove(look);
            }

            look.Answer.TrySetCanceled(cancellationToken);
        });
        look.Answer.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return look.Answer.Task;
    }

    private async Task RunRoundsAsync()
    {
        while (!lifetime.IsCancellationRequested)
        {
            Task wake;
            TimeSpan wait;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _rounds = null;
                    return;
                }

                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wake = _wake.Task;
                var firstDue = _pending.Min(look => look.Due);
                wait = (firstDue > _nextRound ? firstDue : _nextRound) - time.GetUtcNow();
            }

            // Looks that arrive just after the first share its round.
            using (var sleep = CancellationTokenSource.CreateLinkedTokenSource(lifetime))
            {
                await Task.WhenAny(Task.Delay(wait > options.Gathering ? wait : options.Gathering, time, sleep.Token), wake);
                await sleep.CancelAsync();
            }

            if (wake.IsCompleted && wait > options.Gathering)
            {
                continue; // a new look came in: it may be due sooner
            }

            List<Look> batch;
            lock (_gate)
            {
                batch = [.. _pending];
            }

            var started = time.GetUtcNow();
            var pages = await RoundAsync(batch, started);
            _nextRound = started + TimeSpan.FromSeconds(pages / options.PollPagesPerSecond);
        }

        lock (_gate)
        {
            _rounds = null;
        }
    }

    /// <returns>the in-progress list pages the round fetched: the recurring cost of waiting, which spaces the rounds
    /// (the lookups of items that left it are paid once per item)</returns>
    private async Task<int> RoundAsync(List<Look> batch, DateTimeOffset now)
    {
        var due = batch.Where(look => look.Due <= now).ToList();
        var watched = batch.Select(look => look.Id).Distinct(StringComparer.Ordinal).ToList();
        if (watched.Count == 1)
        {
            await AnswerAsync(due, () => collection.GetAsync(watched[0], lifetime));
            return 0;
        }

        var pages = 0;
        var seen = new Dictionary<string, TItem?>(StringComparer.Ordinal);
        try
        {
            if (_working.Count > 0)
            {
                await foreach (var item in collection.ListAsync(_working, options.PageSize, lifetime))
                {
                    seen[collection.IdOf(item)] = item;
                }

                pages += options.PagesFor(seen.Count);
            }

            // Items no longer in progress, due or last seen working, are looked up: a removal only by GET (only a 404
            // says gone); the others in one list of the whole collection once that answers at least three of them per
            // page, and until then by GET when due, while the rest wait for company.
            var left = batch.Where(look => !seen.ContainsKey(look.Id) && (look.Due <= now || look.LastSeenWorking)).ToList();
            var gone = left.Where(look => look.Removal).Select(look => look.Id).Distinct(StringComparer.Ordinal).ToList();
            var settled = left.Where(look => !look.Removal).Select(look => look.Id).Distinct(StringComparer.Ordinal).ToList();
            if (snapshots.WorthAList(settled.Count))
            {
                var snapshot = await snapshots.StartedSince(now).Fetch;
                foreach (var id in settled.Where(snapshot.ById.ContainsKey))
                {
                    seen[id] = snapshot.ById[id];
                }
            }

            var settledDue = left.Where(look => !look.Removal && look.Due <= now).Select(look => look.Id);
            var unknown = gone.Concat(settledDue).Where(id => !seen.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            var found = await Task.WhenAll(unknown.Select(id => collection.GetAsync(id, lifetime)));
            for (var i = 0; i < unknown.Count; i++)
            {
                seen[unknown[i]] = found[i];
            }
        }
        catch (Exception error) when (error is WebexApiException or OperationCanceledException)
        {
            // The due waiters learn the failure and decide for themselves (the awaiter looks again later).
            Finish(due, look => look.Answer.TrySetException(error));
            return Math.Max(1, pages);
        }

        Finish(batch.Where(look => seen.ContainsKey(look.Id) && (look.Due <= now || !IsWorking(seen[look.Id]))),
            look => look.Answer.TrySetResult(seen[look.Id]));
        return pages;
    }

    private bool IsWorking(TItem? item) => item is not null && collection.StatusOf(item) is { } status && _working.Contains(status);

    private async Task AnswerAsync(List<Look> looks, Func<Task<TItem?>> get)
    {
        try
        {
            var item = await get();
            Finish(looks, look => look.Answer.TrySetResult(item));
        }
        catch (Exception error) when (error is WebexApiException or OperationCanceledException)
        {
            Finish(looks, look => look.Answer.TrySetException(error));
        }
    }

    private void Finish(IEnumerable<Look> looks, Action<Look> answer)
    {
        var answered = looks.ToList();
        lock (_gate)
        {
            foreach (var look in answered)
            {
                _pending.Remove(look);
            }
        }

        answered.ForEach(answer);
    }

    private sealed class Look(string id, DateTimeOffset due, bool lastSeenWorking, bool removal)
    {
        public string Id => id;
        public DateTimeOffset Due => due;
        public bool LastSeenWorking => lastSeenWorking;
        public bool Removal => removal;
        public TaskCompletionSource<TItem?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
