using WebexWholesale.Provider.Webex.Fleet;

namespace WebexWholesale.Provider.Webex;

/// <summary>
/// The Webex Wholesale Subscribers API (<see href="https://developer.webex.com/docs/api/v1/wholesale-subscribers"/>)
/// and the sub-partners list. Webex answers every subscriber write when it is done. Every subscriber method takes the
/// optional sub-partner context <c>onBehalfOfSubPartnerOrgId</c>.
/// </summary>
public interface IWholesaleSubscribersClient
{
    /// <summary><c>GET /wholesale/subscribers</c>, following every page.</summary>
    IAsyncEnumerable<Subscriber> ListAsync(SubscriberListFilter filter, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary>One page of <c>GET /wholesale/subscribers</c> at <paramref name="offset"/>.</summary>
    Task<ListedPage<Subscriber>> ListPageAsync(SubscriberListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /wholesale/subscribers</c>: the new subscriber, <c>provisioned</c> (200) or <c>pending_user_migration</c>
    /// (202: the e-mail is an active free account, and the user must accept the move).
    /// </summary>
    Task<Subscriber> ProvisionAsync(ProvisionSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>GET /wholesale/subscribers/{id}</c>; null when Webex answers 404.</summary>
    Task<Subscriber?> GetAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>PUT /wholesale/subscribers/{id}</c>: the subscriber as changed.</summary>
    Task<Subscriber> UpdateAsync(string subscriberId, UpdateSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>DELETE /wholesale/subscribers/{id}</c> (204; the Webex user remains): false when it was already gone.</summary>
    Task<bool> RemoveAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);

    /// <summary><c>POST /wholesale/subscribers/validate</c>: success, or the errors Webex found in the request.</summary>
    Task<PrecheckResult> PrecheckAsync(PrecheckSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken);


    /// <summary><c>GET /wholesale/subPartners</c>, following every page.</summary>
    IAsyncEnumerable<SubPartner> ListSubPartnersAsync(string? provisioningState, CancellationToken cancellationToken);
}
