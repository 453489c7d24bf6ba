namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// What a collection's fleet client (<see cref="CustomerFleet"/>, <see cref="SubscriberFleet"/>) shares: fresh reads
/// through <see cref="Fleet{TItem}"/>, writes noted in its journal while they run, and its lifetime.
/// </summary>
public abstract class FleetClient<TItem> : IDisposable
    where TItem : class
{
    private protected FleetClient(Fleet<TItem> fleet) => Fleet = fleet;

    private protected Fleet<TItem> Fleet { get; }

    /// <summary>
    /// The item as Webex shows it after this call was made: from list pages fetched after it, shared with the reads
    /// that arrive together, else by GET; null when Webex answers 404.
    /// </summary>
    public Task<TItem?> ReadAsync(string id, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        Fleet.ReadAsync(id, onBehalfOfSubPartnerOrgId, cancellationToken);

    /// <summary>Runs a write with its journal keys marked from its start until it ends, so no list fetched meanwhile answers for them.</summary>
    private protected async Task<T> WritingAsync<T>(bool removal, string[] keys, Func<Task<T>> write)
    {
        using (Fleet.Writing(removal, keys))
        {
            return await write();
        }
    }

    public void Dispose()
    {
        Fleet.Dispose();
        GC.SuppressFinalize(this);
    }
}
