namespace WebexWholesale.Provider.Webex;

public static class WholesaleCustomersClientExtensions
{
    /// <summary>The customer with exactly this externalId, or null; the list filter is Webex's, the exact match ours.</summary>
    public static async Task<Customer?> FindByExternalIdAsync(this IWholesaleCustomersClient client, string externalId,
        string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        await foreach (var customer in client.ListAsync(new CustomerListFilter { ExternalId = externalId }, onBehalfOfSubPartnerOrgId, cancellationToken))
        {
            if (customer.ExternalId == externalId)
            {
                return customer;
            }
        }

        return null;
    }
}
