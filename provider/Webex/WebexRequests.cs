using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Webex.Http;

namespace WebexWholesale.Provider.Webex;

/// <summary>
/// How every client of a Webex API talks to it: the bearer token and a <c>TrackingID</c> of our own prefix on every
/// request (so support cases can be traced), Webex's paging, and failures mapped to <see cref="WebexApiException"/>
/// naming the operation and its subject; retries and the rate governor are the handlers built by <see cref="WebexHttp"/>.
/// </summary>
/// <param name="noun">what the subject of a failed request is, in messages: customer, subscriber</param>
internal sealed class WebexRequests(HttpClient http, Uri baseUrl, string accessToken, string noun)
{
    public const string TrackingIdPrefix = "PULUMI-WEBEX-WHOLESALE";

    private readonly Uri _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    /// <summary><c>GET path</c> with the query, following every <c>Link: rel="next"</c> page.</summary>
    public async IAsyncEnumerable<TItem> ListAllAsync<TPage, TItem>(string path, (string Name, string? Value)[] query, JsonTypeInfo<TPage> pageType,
        Func<TPage?, IReadOnlyList<TItem>?> itemsOf, string operation, string? subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = Url(path, query);
        var seen = new HashSet<string>();
        while (next is not null && seen.Add(next.AbsoluteUri))
        {
            using var response = await SendAsync(HttpMethod.Get, next, content: null, operation, subject, cancellationToken);
            var items = itemsOf(await ReadAsync(response, pageType, operation, subject, cancellationToken)) ?? [];
            foreach (var item in items)
            {
                yield return item;
            }

            next = NextPage(response, query);
        }
    }

    /// <summary>One page of <c>GET path</c> at <paramref name="offset"/>, and whether Webex links a next one.</summary>
    public async Task<(IReadOnlyList<TItem> Items, bool HasMore)> ListPageAsync<TPage, TItem>(string path, (string Name, string? Value)[] query, int offset,
        JsonTypeInfo<TPage> pageType, Func<TPage?, IReadOnlyList<TItem>?> itemsOf, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Url(path, [.. query, ("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
            content: null, operation, subject: null, cancellationToken);
        var items = itemsOf(await ReadAsync(response, pageType, operation, subject: null, cancellationToken)) ?? [];
        return (items, NextPage(response, query) is not null);
    }

    public Uri Url(string path, params (string Name, string? Value)[] query)
    {
        var pairs = query.Where(pair => !string.IsNullOrEmpty(pair.Value))
            .Select(pair => $"{Uri.EscapeDataString(pair.Name)}={Uri.EscapeDataString(pair.Value!)}").ToList();
        return new Uri(_baseUrl, pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}");
    }

    /// <summary>
    /// The <c>Link: rel="next"</c> URL, followed verbatim except that filters it dropped are added back (some Webex
    /// list APIs have lost them from their next links).
    /// </summary>
    public static Uri? NextPage(HttpResponseMessage response, (string Name, string? Value)[] query)
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

    public HttpRequestMessage NewRequest(HttpMethod method, Uri url, HttpContent? content)
    {
        var message = new HttpRequestMessage(method, url) { Content = content };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("TrackingID", $"{TrackingIdPrefix}_{Guid.NewGuid()}");
        return message;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? content, string operation, string? subject,
        CancellationToken cancellationToken, bool acceptNotFound = false)
    {
        using var message = NewRequest(method, url, content);
        var response = await SendRawAsync(message, operation, subject, cancellationToken);
        if (acceptNotFound && response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }

        await EnsureSuccessAsync(response, operation, subject, cancellationToken);
        return response;
    }

    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message, string operation, string? subject, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(message, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new WebexApiException(operation, subject, noun, statusCode: null, body: null, SentTrackingId(message), error);
        }
        catch (OperationCanceledException error) when ((error as RetriesStoppedException ?? error.InnerException as RetriesStoppedException) is { } stopped)
        {
            // HttpClient wraps a handler's cancellation in one of its own; the last answer is inside.
            throw new WebexCallStoppedException(await LastAnswerAsync(stopped, message, operation, subject), cancellationToken);
        }
    }

    private async Task<WebexApiException> LastAnswerAsync(RetriesStoppedException stopped, HttpRequestMessage message, string operation, string? subject)
    {
        if (stopped.LastAnswer is not { } response)
        {
            return new WebexApiException(operation, subject, noun, statusCode: null, body: null, SentTrackingId(message), stopped.LastFailure);
        }

        using (response)
        {
            // The content is buffered already, so reading it needs no token (the call's own has fired).
            return new WebexApiException(operation, subject, noun, response.StatusCode, await ReadErrorAsync(response, CancellationToken.None), TrackingIdOf(response));
        }
    }

    public static string? SentTrackingId(HttpRequestMessage message) =>
        message.Headers.TryGetValues("TrackingID", out var values) ? values.First() : null;

    public async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, string? subject, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await ReadErrorAsync(response, cancellationToken);
        var error = new WebexApiException(operation, subject, noun, response.StatusCode, body, TrackingIdOf(response));
        response.Dispose();
        throw error;
    }

    public static async Task<WebexErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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

    public async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation, string? subject,
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
            throw new WebexApiException(operation, subject, noun, response.StatusCode,
                new WebexErrorBody { Message = $"the answer could not be read ({type}): {excerpt}" }, TrackingIdOf(response), error, WebexErrorKind.Unreadable);
        }
    }

    public static string? TrackingIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("TrackingID", out var values) ? values.FirstOrDefault() :
        response.RequestMessage is { } sent ? SentTrackingId(sent) : null;

    public static StringContent Json<T>(T body, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.Serialize(body, typeInfo), Encoding.UTF8, "application/json");

    /// <summary>
    /// <c>POST path</c> of a precheck (<c>…/validate</c>): success with info codes, or the errors Webex found (400 or
    /// 409). A precheck changes nothing, so it may be sent again.
    /// </summary>
    public async Task<PrecheckResult> PrecheckAsync(string path, HttpContent body, string? onBehalfOfSubPartnerOrgId, string? subject,
        CancellationToken cancellationToken)
    {
        using var httpRequest = NewRequest(HttpMethod.Post, Url(path, ("onBehalfOfSubPartnerOrgId", onBehalfOfSubPartnerOrgId)), body);
        httpRequest.Options.Set(WebexRetryHandler.Replayable, true);
        using var response = await SendRawAsync(httpRequest, "precheck", subject, cancellationToken);
        var trackingId = TrackingIdOf(response);
        if (response.StatusCode == HttpStatusCode.BadRequest || response.StatusCode == HttpStatusCode.Conflict)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            return new PrecheckResult(false, error?.Message, [], error?.Errors ?? [], error?.TrackingId ?? trackingId);
        }

        await EnsureSuccessAsync(response, "precheck", subject, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var summary = document.RootElement.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        return new PrecheckResult(true, summary, ReadInfo(document.RootElement), [], trackingId);
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
}
