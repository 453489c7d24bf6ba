namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// The customers client of one configured provider, for a whole fleet at once (<see cref="Fleet{TItem}"/> over the
/// customers): writes pass through and are noted; reads and lookups that arrive together share list pages; waiters are
/// polled together. Whatever answers a call was fetched after the call was asked, never for a customer this provider
/// changed since; a customer missing from a list is asked for by GET, so "gone" keeps its meaning.
/// </summary>
public sealed class CustomerFleet(IWholesaleCustomersClient client, TimeProvider time, FleetOptions? options = null)
    : FleetClient<Customer>(new Fleet<Customer>(subPartner => new CustomerListing(client, subPartner), StringComparer.Ordinal, time, options)), IWholesaleCustomersClient
{
    private readonly IWholesaleCustomersClient _client = client;

    /// <summary>How long a duplicate lookup may wait for a list of all customers to begin before it asks alone.</summary>
    public static TimeSpan LookupPatience => Fleet<Customer>.LookupPatience;

    /// <summary>The customer with this externalId, or null, from a list begun after the lookup was asked (<see cref="Fleet{TItem}.FindByLookupKeyAsync"/>).</summary>
    public Task<Customer?> FindExistingAsync(string externalId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        Fleet.FindByLookupKeyAsync(externalId, onBehalfOfSubPartnerOrgId, cancellationToken);

    /// <summary>
    /// The customer as Webex shows it <paramref name="after"/> from now, from the shared polls, or sooner when they
    /// see it leave the in-progress list (null: Webex answers 404).
    /// </summary>
    /// <param name="lastStatus">the status the waiter last saw</param>
    /// <param name="removal">the waiter waits for the customer to be gone</param>
    public Task<Customer?> NextLookAsync(string customerId, string? onBehalfOfSubPartnerOrgId, TimeSpan after, string? lastStatus, bool removal,
        CancellationToken cancellationToken) =>
        Fleet.NextLookAsync(customerId, onBehalfOfSubPartnerOrgId, after, lastStatus, removal, cancellationToken);

    public Task<CustomerPage> ListPageAsync(CustomerListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.ListPageAsync(filter, offset, onBehalfOfSubPartnerOrgId, cancellationToken);

    public IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.ListAsync(filter, onBehalfOfSubPartnerOrgId, cancellationToken);

    public Task<Customer?> GetAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.GetAsync(customerId, onBehalfOfSubPartnerOrgId, cancellationToken);

    public Task<PrecheckResult> PrecheckAsync(PrecheckCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.PrecheckAsync(request, onBehalfOfSubPartnerOrgId, cancellationToken);

    public Task<string> ProvisionAsync(ProvisionCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        WritingAsync(removal: false, [WriteJournal.LookupKey(request.ExternalId)], async () =>
        {
            var id = await _client.ProvisionAsync(request, onBehalfOfSubPartnerOrgId, cancellationToken);
            Fleet.Writing(removal: false, WriteJournal.IdKey(id)).Dispose(); // the new id is touched now: no earlier list answers for it
            return id;
        });

    public Task UpdateAsync(string customerId, UpdateCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        WritingAsync(removal: false, request.ExternalId is { } externalId ? [WriteJournal.IdKey(customerId), WriteJournal.LookupKey(externalId)] : [WriteJournal.IdKey(customerId)],
            async () =>
            {
                await _client.UpdateAsync(customerId, request, onBehalfOfSubPartnerOrgId, cancellationToken);
                return true;
            });

    public Task<bool> RemoveAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        WritingAsync(removal: true, [WriteJournal.IdKey(customerId)], () => _client.RemoveAsync(customerId, onBehalfOfSubPartnerOrgId, cancellationToken));
}
