namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// Looks at customers that wait for Webex's asynchronous work, for all waiters of one partner context together. A
/// round lists the customers in progress (one paged list serves every waiter); those no longer in it are looked up
/// in one fresh snapshot of the whole list when that costs fewer requests than a GET each, and by GET otherwise (a
/// list cannot prove a customer gone). Rounds are spaced by what the last one cost, so waiting spends at most
/// <see cref="FleetOptions.PollPagesPerSecond"/>. A single waiter is simply sent a GET.
/// </summary>
internal sealed class SharedPolls(IWholesaleCustomersClient client, string? subPartner, TimeProvider time, FleetOptions options,
    ListSnapshots snapshots, CancellationToken lifetime)
{
    /// <summary>The statuses of a customer Webex is working on: the in-progress list asks for exactly these.</summary>
    public static readonly IReadOnlyList<string> Working =
        [CustomerStatus.Provisioning, CustomerStatus.Updating, CustomerStatus.PendingRplReview, CustomerStatus.Deleting];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _watchers = new(StringComparer.Ordinal);
    private List<(string Id, TaskCompletionSource<Customer?> Look)> _pending = [];
    private Task? _rounds;
    private DateTimeOffset _nextRound = DateTimeOffset.MinValue;

    public Watching Watch(string id)
    {
        lock (_gate)
        {
            _watchers[id] = _watchers.GetValueOrDefault(id) + 1;
        }

        return new Watching(this, id);
    }

    /// <summary>The customer as Webex shows it at some moment after this call (null: Webex answers 404).</summary>
    public Task<Customer?> LookAsync(string id, CancellationToken cancellationToken)
    {
        TaskCompletionSource<Customer?> look;
        lock (_gate)
        {
            if (_watchers.Count <= 1 && _pending.Count == 0)
            {
                return client.GetAsync(id, subPartner, cancellationToken);
            }

            look = new TaskCompletionSource<Customer?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending.Add((id, look));
            _rounds ??= Task.Run(RunRoundsAsync, CancellationToken.None);
        }

        return look.Task.WaitAsync(cancellationToken);
    }

    private async Task RunRoundsAsync()
    {
        while (true)
        {
            var untilAllowed = _nextRound - time.GetUtcNow();
            try
            {
                await Task.Delay(untilAllowed > options.Gathering ? untilAllowed : options.Gathering, time, lifetime);
            }
            catch (OperationCanceledException)
            {
                // the provider is shutting down: the waiters' own tokens end their waits
            }

            List<(string Id, TaskCompletionSource<Customer?> Look)> batch;
            lock (_gate)
            {
                if (_pending.Count == 0 || lifetime.IsCancellationRequested)
                {
                    _rounds = null;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            var started = time.GetUtcNow();
            var cost = await RoundAsync(batch);
            _nextRound = started + TimeSpan.FromSeconds(cost / options.PollPagesPerSecond);
        }
    }

    /// <returns>the requests the round sent</returns>
    private async Task<int> RoundAsync(List<(string Id, TaskCompletionSource<Customer?> Look)> batch)
    {
        var requests = 0;
        try
        {
            var started = time.GetUtcNow();
            var seen = new Dictionary<string, Customer>(StringComparer.Ordinal);
            await foreach (var customer in client.ListAsync(new CustomerListFilter { Status = Working, PageSize = options.PageSize }, subPartner, lifetime))
            {
                seen[customer.Id] = customer;
            }

            requests += Math.Max(1, (seen.Count + options.PageSize - 1) / options.PageSize);
            var settled = batch.Select(look => look.Id).Where(id => !seen.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            if (settled.Count > 1 && settled.Count > (snapshots.KnownPages ?? 1))
            {
                var snapshot = await snapshots.StartedSince(started).Fetch;
                requests += snapshot.Pages;
                foreach (var id in settled.Where(snapshot.ById.ContainsKey))
                {
                    seen[id] = snapshot.ById[id];
                }
            }

            // Not in any list: gone, or missed by a page that shifted. Only a GET tells which.
            var missing = settled.Where(id => !seen.ContainsKey(id)).ToList();
            var found = await Task.WhenAll(missing.Select(id => client.GetAsync(id, subPartner, lifetime)));
            requests += missing.Count;
            foreach (var look in batch)
            {
                var index = missing.IndexOf(look.Id);
                look.Look.TrySetResult(index >= 0 ? found[index] : seen[look.Id]);
            }
        }
        catch (Exception error) when (error is WebexApiException or OperationCanceledException)
        {
            // Every waiter of the round learns the failure and decides for itself (the awaiter looks again later).
            foreach (var look in batch)
            {
                look.Look.TrySetException(error);
            }
        }

        return Math.Max(1, requests);
    }

    private void Unwatch(string id)
    {
        lock (_gate)
        {
            if (--_watchers[id] == 0)
            {
                _watchers.Remove(id);
            }
        }
    }

    public readonly struct Watching(SharedPolls polls, string id) : IDisposable
    {
        public void Dispose() => polls.Unwatch(id);
    }
}
