namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>The customers of one partner context, as the fleet machinery lists them.</summary>
internal sealed class CustomerListing(IWholesaleCustomersClient client, string? subPartner) : IListing<Customer>
{
    private static readonly IReadOnlyList<string> Working =
        [CustomerStatus.Provisioning, CustomerStatus.Updating, CustomerStatus.PendingRplReview, CustomerStatus.Deleting];

    public IReadOnlyList<string> WorkingStatuses => Working;

    public string IdOf(Customer item) => item.Id;

    public string? LookupKeyOf(Customer item) => item.ExternalId;

    public string? StatusOf(Customer item) => item.Status;

    public bool IsBeingRemoved(Customer item) => item.Status == CustomerStatus.Deleting;

    public async Task<ListedPage<Customer>> ListPageAsync(int offset, int pageSize, CancellationToken cancellationToken)
    {
        var page = await client.ListPageAsync(new CustomerListFilter { PageSize = pageSize }, offset, subPartner, cancellationToken);
        return new ListedPage<Customer>(page.Items, page.HasMore);
    }

    public IAsyncEnumerable<Customer> ListAsync(IReadOnlyList<string>? statuses, int pageSize, CancellationToken cancellationToken) =>
        client.ListAsync(new CustomerListFilter { Status = statuses, PageSize = pageSize }, subPartner, cancellationToken);

    public Task<Customer?> GetAsync(string id, CancellationToken cancellationToken) => client.GetAsync(id, subPartner, cancellationToken);

    public Task<Customer?> FindByLookupKeyAsync(string key, CancellationToken cancellationToken) =>
        client.FindByExternalIdAsync(key, subPartner, cancellationToken);
}
