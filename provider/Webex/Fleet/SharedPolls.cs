namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// Looks at the customers that wait for Webex's asynchronous work, for all waiters of one partner context together.
/// A round lists the customers in progress: one paged list serves every waiter. A customer that has left that list
/// (it finished, failed or is gone) is looked up once, in a fresh list of all customers when that costs fewer
/// requests than a GET each, and by GET otherwise (a list cannot prove a customer gone); its waiter hears at once,
/// whenever its own next look was due. Rounds are spaced by the in-progress pages they cost, so that waiting spends
/// at most <see cref="FleetOptions.PollPagesPerSecond"/>. While only one customer is waited for, a look is a GET.
/// </summary>
internal sealed class SharedPolls(IWholesaleCustomersClient client, string? subPartner, TimeProvider time, FleetOptions options,
    ListSnapshots snapshots, CancellationToken lifetime)
{
    /// <summary>The statuses of a customer Webex is working on: the in-progress list asks for exactly these.</summary>
    public static readonly IReadOnlyList<string> Working =
        [CustomerStatus.Provisioning, CustomerStatus.Updating, CustomerStatus.PendingRplReview, CustomerStatus.Deleting];

    private readonly Lock _gate = new();
    private readonly List<Look> _pending = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _rounds;
    private DateTimeOffset _nextRound = DateTimeOffset.MinValue;

    /// <summary>
    /// The customer as Webex shows it <paramref name="after"/> from now, or sooner when a round sees it leave the
    /// in-progress list (null: Webex answers 404).
    /// </summary>
    /// <param name="lastStatus">the status the waiter last saw; a customer last seen working is watched for its change</param>
    /// <param name="removal">the waiter waits for the customer to be gone, which only a GET can tell</param>
    public Task<Customer?> NextAsync(string id, TimeSpan after, string? lastStatus, bool removal, CancellationToken cancellationToken)
    {
        var look = new Look(id, time.GetUtcNow() + after, lastStatus is not null && Working.Contains(lastStatus), removal);
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
    /// (the lookups of customers that left it are paid once per customer)</returns>
    private async Task<int> RoundAsync(List<Look> batch, DateTimeOffset now)
    {
        var due = batch.Where(look => look.Due <= now).ToList();
        var watched = batch.Select(look => look.Id).Distinct(StringComparer.Ordinal).ToList();
        if (watched.Count == 1)
        {
            await AnswerAsync(due, () => client.GetAsync(watched[0], subPartner, lifetime));
            return 0;
        }

        var pages = 0;
        var seen = new Dictionary<string, Customer?>(StringComparer.Ordinal);
        try
        {
            await foreach (var customer in client.ListAsync(new CustomerListFilter { Status = Working, PageSize = options.PageSize }, subPartner, lifetime))
            {
                seen[customer.Id] = customer;
            }

            pages += options.PagesFor(seen.Count);

            // Customers no longer in progress, due or last seen working, are looked up: a removal only by GET (only
            // a 404 says gone); the others in one list of all customers once that answers at least three of them per
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
            var found = await Task.WhenAll(unknown.Select(id => client.GetAsync(id, subPartner, lifetime)));
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

    private static bool IsWorking(Customer? customer) => customer?.Status is { } status && Working.Contains(status);

    private async Task AnswerAsync(List<Look> looks, Func<Task<Customer?>> get)
    {
        try
        {
            var customer = await get();
            Finish(looks, look => look.Answer.TrySetResult(customer));
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
        public TaskCompletionSource<Customer?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
