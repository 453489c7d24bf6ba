using System.Net;
using System.Text.Json;
using WebexWholesale.Provider.Webex.Http;

namespace WebexWholesale.Provider.Webex;

/// <summary>
/// HTTP client of the Wholesale Customers API; how requests are sent, paged and their failures read is
/// <see cref="WebexRequests"/>, shared with the subscribers client.
/// </summary>
public sealed class WholesaleCustomersClient(HttpClient http, Uri baseUrl, string accessToken) : IWholesaleCustomersClient
{
    public const string TrackingIdPrefix = WebexRequests.TrackingIdPrefix;
    private const string CustomersPath = "wholesale/customers";

    private readonly WebexRequests _requests = new(http, baseUrl, accessToken, "customer");

    public IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _requests.ListAllAsync(CustomersPath, ListQuery(filter, onBehalfOfSubPartnerOrgId), WebexJson.Default.CustomerListPage, page => page?.Items,
            "list customers", filter.ExternalId, cancellationToken);

    public async Task<CustomerPage> ListPageAsync(CustomerListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        var (items, hasMore) = await _requests.ListPageAsync(CustomersPath, ListQuery(filter, onBehalfOfSubPartnerOrgId), offset,
            WebexJson.Default.CustomerListPage, page => page?.Items, "list customers", cancellationToken);
        return new CustomerPage(items, hasMore);
    }

    private static (string, string?)[] ListQuery(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId)
    {
        var query = new List<(string, string?)>
        {
            ("externalId", filter.ExternalId), ("orgId", filter.OrgId), ("max", filter.PageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId),
        };
        query.AddRange((filter.Status ?? []).Select(status => ("status", (string?)status)));
        return [.. query];
    }

    public async Task<string> ProvisionAsync(ProvisionCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Post, _requests.Url(CustomersPath, ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId)),
            WebexRequests.Json(request, WebexJson.Default.ProvisionCustomerRequest), "provision", request.ExternalId, cancellationToken);
        var body = await _requests.ReadAsync(response, WebexJson.Default.ResourceUrl, "provision", request.ExternalId, cancellationToken);
        var location = response.Headers.Location?.ToString() ?? body?.Url;
        return CustomerIdFrom(location)
               ?? throw new WebexApiException("provision", request.ExternalId, response.StatusCode,
                   new WebexErrorBody { Message = "Webex accepted the customer but returned no Location or url to identify it" }, WebexRequests.TrackingIdOf(response),
                   kind: WebexErrorKind.Unreadable);
    }

    public async Task<Customer?> GetAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Get, CustomerUrl(customerId, onBehalfOfSubPartnerOrgId), content: null, "read",
            customerId, cancellationToken, acceptNotFound: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await _requests.ReadAsync(response, WebexJson.Default.Customer, "read", customerId, cancellationToken);
    }

    public async Task UpdateAsync(string customerId, UpdateCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var _ = await _requests.SendAsync(HttpMethod.Put, CustomerUrl(customerId, onBehalfOfSubPartnerOrgId),
            WebexRequests.Json(request, WebexJson.Default.UpdateCustomerRequest), "update", customerId, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Delete, CustomerUrl(customerId, onBehalfOfSubPartnerOrgId), content: null, "remove",
            customerId, cancellationToken, acceptNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public Task<PrecheckResult> PrecheckAsync(PrecheckCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _requests.PrecheckAsync($"{CustomersPath}/validate", WebexRequests.Json(request, WebexJson.Default.PrecheckCustomerRequest), onBehalfOfSubPartnerOrgId,
            request.ExternalId, cancellationToken);

    /// <summary>The customer id is the last path segment of the URL Webex returns for a new customer.</summary>
    public static string? CustomerIdFrom(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return null;
        }

        // On Unix "/v1/..." also parses as an absolute file: URI, so only http(s) counts as absolute here.
        var path = Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.AbsolutePath
            : location.Split('?')[0];
        var id = path.TrimEnd('/').Split('/')[^1];
        return id.Length == 0 ? null : Uri.UnescapeDataString(id);
    }

    private Uri CustomerUrl(string customerId, string? onBehalfOfSubPartnerOrgId) =>
        _requests.Url($"{CustomersPath}/{Uri.EscapeDataString(customerId)}", ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId));
}
