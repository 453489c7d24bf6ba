using System.Collections.Concurrent;

namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// One Webex collection (customers, or subscribers) of one configured provider, for a whole fleet at once: reads and
/// lookups that arrive together share list pages, waiters are polled together, and writes are noted so that nothing
/// fetched before a write answers for what it changed. Kept per partner context (the partner, or each sub-partner).
/// The collection clients (<see cref="CustomerFleet"/>, <see cref="SubscriberFleet"/>) say what is listed; this says
/// how a fleet reads it.
/// </summary>
internal sealed class Fleet<TItem> : IDisposable
    where TItem : class
{
    private readonly Func<string?, IListing<TItem>> _collectionOf;
    private readonly IEqualityComparer<string> _lookupKeyComparer;
    private readonly TimeProvider _time;
    private readonly FleetOptions _options;
    private readonly WriteJournal _journal;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationToken _lifetimeToken;
    private readonly ConcurrentDictionary<string, PartnerContext> _contexts = new(StringComparer.Ordinal);

    /// <param name="collectionOf">the collection in a partner context (null: the partner itself)</param>
    /// <param name="lookupKeyComparer">when two lookup keys name the same item (Webex ignores the case of e-mails)</param>
    public Fleet(Func<string?, IListing<TItem>> collectionOf, IEqualityComparer<string> lookupKeyComparer, TimeProvider time, FleetOptions? options = null)
    {
        _collectionOf = collectionOf;
        _lookupKeyComparer = lookupKeyComparer;
        _time = time;
        _options = options ?? FleetOptions.Default;
        _journal = new WriteJournal(time, lookupKeyComparer);
        _lifetimeToken = _lifetime.Token;
    }

    /// <summary>How long a duplicate lookup may wait for a list of the whole collection to begin before it asks alone.</summary>
    public static readonly TimeSpan LookupPatience = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The item as Webex shows it after this call was made: from list pages fetched after it, shared with the reads
    /// that arrive together, else by GET; null when Webex answers 404.
    /// </summary>
    public Task<TItem?> ReadAsync(string id, string? subPartner, CancellationToken cancellationToken) =>
        Context(subPartner).Reads.ReadAsync(id, cancellationToken);

    /// <summary>
    /// The item with this lookup key, or null. Only a list begun after the lookup was asked may answer it, so no item
    /// anyone created before is missed (the same moment's race as a lookup of its own): lookups that arrive together
    /// share the next list of the whole collection, whoever starts it, when one begins within
    /// <see cref="LookupPatience"/>. Such a list says "none" only when no item was being removed while it was paged
    /// (a removal can shift the pages); otherwise, and when no list begins, the lookup is a filtered list of its own.
    /// </summary>
    public async Task<TItem?> FindByLookupKeyAsync(string key, string? subPartner, CancellationToken cancellationToken)
    {
        var context = Context(subPartner);
        if (await context.Snapshots.NextAsync(LookupPatience, cancellationToken) is { } snapshot
            && await ContentsAsync(snapshot, cancellationToken) is { } contents
            && !_journal.ChangedSince(WriteJournal.LookupKey(key), snapshot.StartedAt))
        {
            if (contents.ByKey.TryGetValue(key, out var item))
            {
                return item;
            }

            if (!contents.SawRemoval && !_journal.RemovedSince(snapshot.StartedAt))
            {
                return null;
            }
        }

        return await context.Collection.FindByLookupKeyAsync(key, cancellationToken);
    }

    /// <summary>
    /// The item as Webex shows it <paramref name="after"/> from now, from the shared polls, or sooner when they see
    /// it leave the in-progress list (null: Webex answers 404).
    /// </summary>
    /// <param name="lastStatus">the status the waiter last saw</param>
    /// <param name="removal">the waiter waits for the item to be gone</param>
    public Task<TItem?> NextLookAsync(string id, string? subPartner, TimeSpan after, string? lastStatus, bool removal, CancellationToken cancellationToken) =>
        Context(subPartner).Polls.NextAsync(id, after, lastStatus, removal, cancellationToken);

    /// <summary>
    /// Notes a write to the items with these journal keys (<see cref="WriteJournal.IdKey"/>,
    /// <see cref="WriteJournal.LookupKey"/>) from now until the scope ends.
    /// </summary>
    public WriteJournal.Scope Writing(bool removal, params string[] keys) => _journal.Writing(removal, keys);

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private static async Task<ListSnapshot<TItem>.Contents?> ContentsAsync(ListSnapshot<TItem> snapshot, CancellationToken cancellationToken)
    {
        try
        {
            return await snapshot.Fetch.WaitAsync(cancellationToken);
        }
        catch (WebexApiException)
        {
            return null; // the list failed; the single request may still succeed
        }
    }

    private PartnerContext Context(string? subPartner) =>
        _contexts.GetOrAdd(subPartner ?? "", _ =>
        {
            var collection = _collectionOf(subPartner);
            var snapshots = new ListSnapshots<TItem>(collection, _lookupKeyComparer, _time, _options, _lifetimeToken);
            return new PartnerContext(collection, snapshots, new SharedPolls<TItem>(collection, _time, _options, snapshots, _lifetimeToken),
                new FreshReads<TItem>(collection, _time, _options, snapshots, _journal, _lifetimeToken));
        });

    private sealed record PartnerContext(IListing<TItem> Collection, ListSnapshots<TItem> Snapshots, SharedPolls<TItem> Polls, FreshReads<TItem> Reads);
}
