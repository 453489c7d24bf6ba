using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Webex.Http;

namespace WebexWholesale.Provider.Webex;

/// <summary>
/// HTTP client of the Wholesale Customers API. It sends the bearer token and a <c>TrackingID</c> of our own prefix with
/// every request (so support cases can be traced), maps failures to <see cref="WebexApiException"/>, and leaves
/// retries and the concurrency cap to the handlers built by <see cref="WebexHttp"/>.
/// </summary>
public sealed class WholesaleCustomersClient(HttpClient http, Uri baseUrl, string accessToken) : IWholesaleCustomersClient
{
    public const string TrackingIdPrefix = "PULUMI-WEBEX-WHOLESALE";
    private const string CustomersPath = "wholesale/customers";

    private readonly Uri _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    public async IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = ListQuery(filter, onBehalfOfSubPartnerOrgId);
        Uri? next = Url(CustomersPath, query);
        var seen = new HashSet<string>();
        while (next is not null && seen.Add(next.AbsoluteUri))
        {
            var (page, response) = await ListPageAtAsync(next, filter, cancellationToken);
            using (response)
            {
                foreach (var customer in page.Items)
                {
                    yield return customer;
                }

                next = NextPage(response, query);
            }
        }
    }

    public async Task<CustomerPage> ListPageAsync(CustomerListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        var query = ListQuery(filter, onBehalfOfSubPartnerOrgId);
        var (page, response) = await ListPageAtAsync(Url(CustomersPath, [.. query, ("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
            filter, cancellationToken);
        using (response)
        {
            return page with { HasMore = NextPage(response, query) is not null };
        }
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

    private async Task<(CustomerPage Page, HttpResponseMessage Response)> ListPageAtAsync(Uri url, CustomerListFilter filter, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, url, content: null, "list customers", customer: filter.ExternalId, cancellationToken);
        try
        {
            var page = await ReadAsync(response, WebexJson.Default.CustomerListPage, "list customers", filter.ExternalId, cancellationToken);
            return (new CustomerPage(page?.Items ?? [], HasMore: false), response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<string> ProvisionAsync(ProvisionCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, Url(CustomersPath, ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId)),
            Json(request, WebexJson.Default.ProvisionCustomerRequest), "provision", request.ExternalId, cancellationToken);
        var body = await ReadAsync(response, WebexJson.Default.ResourceUrl, "provision", request.ExternalId, cancellationToken);
        var location = response.Headers.Location?.ToString() ?? body?.Url;
        return CustomerIdFrom(location)
               ?? throw new WebexApiException("provision", request.ExternalId, response.StatusCode,
                   new WebexErrorBody { Message = "Webex accepted the customer but returned no Location or url to identify it" }, TrackingIdOf(response),
                   kind: WebexErrorKind.Unreadable);
    }

    public async Task<Customer?> GetAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, CustomerUrl(customerId, onBehalfOfSubPartnerOrgId), content: null, "read",
            customerId, cancellationToken, acceptNotFound: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, WebexJson.Default.Customer, "read", customerId, cancellationToken);
    }

    public async Task UpdateAsync(string customerId, UpdateCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Put, CustomerUrl(customerId, onBehalfOfSubPartnerOrgId),
            Json(request, WebexJson.Default.UpdateCustomerRequest), "update", customerId, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, CustomerUrl(customerId, onBehalfOfSubPartnerOrgId), content: null, "remove",
            customerId, cancellationToken, acceptNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public async Task<PrecheckResult> PrecheckAsync(PrecheckCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        var url = Url($"{CustomersPath}/validate", ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId));
        using var httpRequest = NewRequest(HttpMethod.Post, url, Json(request, WebexJson.Default.PrecheckCustomerRequest));
        httpRequest.Options.Set(WebexRetryHandler.Replayable, true); // a precheck changes nothing, so it may be sent again
        using var response = await SendRawAsync(httpRequest, "precheck", request.ExternalId, cancellationToken);
        var trackingId = TrackingIdOf(response);
        if (response.StatusCode == HttpStatusCode.BadRequest || response.StatusCode == HttpStatusCode.Conflict)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            return new PrecheckResult(false, error?.Message, [], error?.Errors ?? [], error?.TrackingId ?? trackingId);
        }

        await EnsureSuccessAsync(response, "precheck", request.ExternalId, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var summary = document.RootElement.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        return new PrecheckResult(true, summary, ReadInfo(document.RootElement), [], trackingId);
    }

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

    /// <summary><c>info</c> is an object in the contract's schema and a list in its example; both are accepted.</summary>
    private static IReadOnlyList<PrecheckInfo> ReadInfo(JsonElement root)
    {
        if (!root.TryGetProperty("info", out var info))
        {
            return [];
        }

        return info.ValueKind switch
        {
            JsonValueKind.Object => [info.Deserialize(WebexJson.Default.PrecheckInfo)!],
            JsonValueKind.Array => info.Deserialize(WebexJson.Default.IReadOnlyListPrecheckInfo) ?? [],
            _ => [],
        };
    }

    private Uri CustomerUrl(string customerId, string? onBehalfOfSubPartnerOrgId) =>
        Url($"{CustomersPath}/{Uri.EscapeDataString(customerId)}", ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId));

    private Uri Url(string path, params (string Name, string? Value)[] query)
    {
        var pairs = query.Where(pair => !string.IsNullOrEmpty(pair.Value))
            .Select(pair => $"{Uri.EscapeDataString(pair.Name)}={Uri.EscapeDataString(pair.Value!)}").ToList();
        return new Uri(_baseUrl, pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}");
    }

    /// <summary>
    /// The <c>Link: rel="next"</c> URL, followed verbatim except that filters it dropped are added back (some Webex
    /// list APIs have lost them from their next links).
    /// </summary>
    private static Uri? NextPage(HttpResponseMessage response, (string Name, string? Value)[] query)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links.SelectMany(header => header.Split(',')))
        {
            var parts = link.Split(';');
            if (parts.Length < 2 || !parts.Skip(1).Any(p => p.Trim().Replace(" ", "") is "rel=\"next\"" or "rel=next"))
            {
                continue;
            }

            var next = new Uri(parts[0].Trim().TrimStart('<').TrimEnd('>'));
            var present = next.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0])).ToHashSet();
            var missing = query.Where(pair => !string.IsNullOrEmpty(pair.Value) && pair.Name != "max" && !present.Contains(pair.Name))
                .Select(pair => $"{Uri.EscapeDataString(pair.Name)}={Uri.EscapeDataString(pair.Value!)}").ToList();
            if (missing.Count == 0)
            {
                return next;
            }

            var separator = next.Query.Length > 1 ? "&" : "?";
            return new Uri(next.AbsoluteUri + separator + string.Join('&', missing));
        }

        return null;
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri url, HttpContent? content)
    {
        var message = new HttpRequestMessage(method, url) { Content = content };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("TrackingID", $"{TrackingIdPrefix}_{Guid.NewGuid()}");
        return message;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? content, string operation, string? customer,
        CancellationToken cancellationToken, bool acceptNotFound = false)
    {
        using var message = NewRequest(method, url, content);
        var response = await SendRawAsync(message, operation, customer, cancellationToken);
        if (acceptNotFound && response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }

        await EnsureSuccessAsync(response, operation, customer, cancellationToken);
        return response;
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message, string operation, string? customer, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(message, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new WebexApiException(operation, customer, statusCode: null, body: null, SentTrackingId(message), error);
        }
        catch (OperationCanceledException error) when ((error as RetriesStoppedException ?? error.InnerException as RetriesStoppedException) is { } stopped)
        {
            // HttpClient wraps a handler's cancellation in one of its own; the last answer is inside.
            throw new WebexCallStoppedException(await LastAnswerAsync(stopped, message, operation, customer), cancellationToken);
        }
    }

    private static async Task<WebexApiException> LastAnswerAsync(RetriesStoppedException stopped, HttpRequestMessage message, string operation, string? customer)
    {
        if (stopped.LastAnswer is not { } response)
        {
            return new WebexApiException(operation, customer, statusCode: null, body: null, SentTrackingId(message), stopped.LastFailure);
        }

        using (response)
        {
            // The content is buffered already, so reading it needs no token (the call's own has fired).
            return new WebexApiException(operation, customer, response.StatusCode, await ReadErrorAsync(response, CancellationToken.None), TrackingIdOf(response));
        }
    }

    private static string? SentTrackingId(HttpRequestMessage message) =>
        message.Headers.TryGetValues("TrackingID", out var values) ? values.First() : null;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, string? customer, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await ReadErrorAsync(response, cancellationToken);
        var error = new WebexApiException(operation, customer, response.StatusCode, body, TrackingIdOf(response));
        response.Dispose();
        throw error;
    }

    private static async Task<WebexErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, WebexJson.Default.WebexErrorBody);
        }
        catch (JsonException)
        {
            return null; // not a Webex error body (a proxy's HTML page, say); the status line still explains
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation, string? customer,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length == 0 ? default : JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException error)
        {
            // Nothing is guessed from an answer that cannot be read: the caller learns what came back, in short.
            var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            var excerpt = text.Length > 120 ? text[..120] + "…" : text;
            throw new WebexApiException(operation, customer, response.StatusCode,
                new WebexErrorBody { Message = $"the answer could not be read ({type}): {excerpt}" }, TrackingIdOf(response), error, WebexErrorKind.Unreadable);
        }
    }

    private static string? TrackingIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("TrackingID", out var values) ? values.FirstOrDefault() :
        response.RequestMessage is { } sent ? SentTrackingId(sent) : null;

    private static StringContent Json<T>(T body, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.Serialize(body, typeInfo), Encoding.UTF8, "application/json");
}
