namespace WebexWholesale.Provider.Webex;

/// <summary>
/// The Webex Wholesale Customers API (<see href="https://developer.webex.com/docs/api/v1/wholesale-customers"/>).
/// Every method takes the optional sub-partner context <c>onBehalfOfSubPartnerOrgId</c>.
/// </summary>
public interface IWholesaleCustomersClient
{
    /// <summary><c>GET /wholesale/customers</c>, following every page.</summary>
    IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of <c>GET /wholesale/customers</c> at <paramref name="offset"/> (a page of <see cref="CustomerListFilter.PageSize"/>):
    /// a look at just the customers a read expects there, fetched after the read was asked.
    /// </summary>
    Task<CustomerPage> ListPageAsync(CustomerListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>POST /wholesale/customers</c>: starts provisioning and returns the new customer's id.</summary>
    Task<string> ProvisionAsync(ProvisionCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>GET /wholesale/customers/{id}</c>; null when Webex answers 404.</summary>
    Task<Customer?> GetAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>PUT /wholesale/customers/{id}</c>: starts the update.</summary>
    Task UpdateAsync(string customerId, UpdateCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>DELETE /wholesale/customers/{id}</c>: starts the removal; false when the customer was already gone.</summary>
    Task<bool> RemoveAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>POST /wholesale/customers/validate</c>: success, or the errors Webex found in the request.</summary>
    Task<PrecheckResult> PrecheckAsync(PrecheckCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);
}
