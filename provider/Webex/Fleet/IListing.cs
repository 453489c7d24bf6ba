namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>One page of a listed collection, and whether Webex links a next one.</summary>
public sealed record ListedPage<TItem>(IReadOnlyList<TItem> Items, bool HasMore);

/// <summary>
/// What the fleet machinery (fresh reads, list snapshots, shared polls) needs of one Webex collection in one partner
/// context: how to list it and get one item, and how to tell its items apart. Customers and subscribers each give one;
/// the machinery knows nothing else about either.
/// </summary>
public interface IListing<TItem>
    where TItem : class
{
    /// <summary>The statuses of an item Webex is still working on; empty when Webex finishes every write before it answers.</summary>
    IReadOnlyList<string> WorkingStatuses { get; }

    string IdOf(TItem item);

    /// <summary>The key that is unique in the collection and that a duplicate lookup searches by (a customer's externalId, a subscriber's e-mail).</summary>
    string? LookupKeyOf(TItem item);

    string? StatusOf(TItem item);

    /// <summary>Webex is removing the item: when it vanishes between two pages, the pages shift and a list can miss another item.</summary>
    bool IsBeingRemoved(TItem item);

    /// <summary>One page of the whole collection at <paramref name="offset"/>.</summary>
    Task<ListedPage<TItem>> ListPageAsync(int offset, int pageSize, CancellationToken cancellationToken);

    /// <summary>The whole collection, or only the items in <paramref name="statuses"/>, following every page.</summary>
    IAsyncEnumerable<TItem> ListAsync(IReadOnlyList<string>? statuses, int pageSize, CancellationToken cancellationToken);

    /// <summary>The item by id; null when Webex answers 404.</summary>
    Task<TItem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The item with exactly this lookup key, from a list filtered by it; null when there is none.</summary>
    Task<TItem?> FindByLookupKeyAsync(string key, CancellationToken cancellationToken);
}
