using System.Globalization;
using System.Net;
using WebexWholesale.Provider.Webex.Fleet;

namespace WebexWholesale.Provider.Webex;

/// <summary>HTTP client of the Wholesale Subscribers API, through the same <see cref="WebexRequests"/> (and pipeline) as customers.</summary>
public sealed class WholesaleSubscribersClient(HttpClient http, Uri baseUrl, string accessToken) : IWholesaleSubscribersClient
{
    private const string SubscribersPath = "wholesale/subscribers";

    private readonly WebexRequests _requests = new(http, baseUrl, accessToken, "subscriber");

    public IAsyncEnumerable<Subscriber> ListAsync(SubscriberListFilter filter, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _requests.ListAllAsync(SubscribersPath, ListQuery(filter, onBehalfOfSubPartnerOrgId), WebexSubscriberJson.Default.SubscriberListPage, page => page?.Items,
            "list subscribers", filter.Email, cancellationToken);

    public async Task<ListedPage<Subscriber>> ListPageAsync(SubscriberListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId,
        CancellationToken cancellationToken)
    {
        var (items, hasMore) = await _requests.ListPageAsync(SubscribersPath, ListQuery(filter, onBehalfOfSubPartnerOrgId), offset,
            WebexSubscriberJson.Default.SubscriberListPage, page => page?.Items, "list subscribers", cancellationToken);
        return new ListedPage<Subscriber>(items, hasMore);
    }

    private static (string, string?)[] ListQuery(SubscriberListFilter filter, string? onBehalfOfSubPartnerOrgId)
    {
        var query = new List<(string, string?)>
        {
            ("customerId", filter.CustomerId), ("personId", filter.PersonId), ("externalCustomerId", filter.ExternalCustomerId), ("email", filter.Email),
            ("after", filter.After), ("lastStatusChange", filter.LastStatusChange), ("sortBy", filter.SortBy), ("sortOrder", filter.SortOrder),
            ("max", filter.PageSize?.ToString(CultureInfo.InvariantCulture)), ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId),
        };
        query.AddRange((filter.Status ?? []).Select(status => ("status", (string?)status)));
        return [.. query];
    }

    public async Task<Subscriber> ProvisionAsync(ProvisionSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Post, _requests.Url(SubscribersPath, ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId)),
            WebexRequests.Json(request, WebexSubscriberJson.Default.ProvisionSubscriberRequest), "provision", request.Email, cancellationToken);
        return await SubscriberFromAsync(response, "provision", request.Email, cancellationToken);
    }

    public async Task<Subscriber?> GetAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Get, SubscriberUrl(subscriberId, onBehalfOfSubPartnerOrgId), content: null, "read",
            subscriberId, cancellationToken, acceptNotFound: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await SubscriberFromAsync(response, "read", subscriberId, cancellationToken);
    }

    public async Task<Subscriber> UpdateAsync(string subscriberId, UpdateSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Put, SubscriberUrl(subscriberId, onBehalfOfSubPartnerOrgId),
            WebexRequests.Json(request, WebexSubscriberJson.Default.UpdateSubscriberRequest), "update", subscriberId, cancellationToken);
        return await SubscriberFromAsync(response, "update", subscriberId, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Delete, SubscriberUrl(subscriberId, onBehalfOfSubPartnerOrgId), content: null, "remove",
            subscriberId, cancellationToken, acceptNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public Task<PrecheckResult> PrecheckAsync(PrecheckSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _requests.PrecheckAsync($"{SubscribersPath}/validate", WebexRequests.Json(request, WebexSubscriberJson.Default.PrecheckSubscriberRequest),
            onBehalfOfSubPartnerOrgId, request.Email, cancellationToken);


    public IAsyncEnumerable<SubPartner> ListSubPartnersAsync(string? provisioningState, CancellationToken cancellationToken) =>
        _requests.ListAllAsync("wholesale/subPartners", [("provisioningState", provisioningState), ("max", "100")], WebexSubscriberJson.Default.SubPartnerListPage,
            page => page?.Items, "list sub-partners", subject: null, cancellationToken);

    private async Task<Subscriber> SubscriberFromAsync(HttpResponseMessage response, string operation, string subject, CancellationToken cancellationToken) =>
        await _requests.ReadAsync(response, WebexSubscriberJson.Default.Subscriber, operation, subject, cancellationToken)
        ?? throw new WebexApiException(operation, subject, "subscriber", response.StatusCode,
            new WebexErrorBody { Message = "Webex answered success without the subscriber" }, WebexRequests.TrackingIdOf(response), kind: WebexErrorKind.Unreadable);

    private Uri SubscriberUrl(string subscriberId, string? onBehalfOfSubPartnerOrgId) =>
        _requests.Url($"{SubscribersPath}/{Uri.EscapeDataString(subscriberId)}", ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId));
}
