using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
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

    /// <summary>
    /// The most items one list may hold before it is taken for a server that never stops linking pages: ten times the
    /// largest estate we measure (50,000 subscribers), so a real partner context never comes near it.
    /// </summary>
    public const int MaxListedItems = 500_000;

    /// <summary>The largest answer read, in bytes; a page of 100 subscribers is about 60 KB, so only a broken or hostile server sends more.</summary>
    public const int MaxAnswerBytes = 8 * 1024 * 1024;

    /// <summary>The page size Webex uses at most (the contract's <c>max</c> ≤ 100), the bound for a page when none was asked for.</summary>
    private const int LargestPage = 100;

    private readonly TokenOrigin _origin = TokenOrigin.Of(baseUrl);

    /// <summary><c>GET path</c> with the query, following every <c>Link: rel="next"</c> page within the token's origin.</summary>
    public async IAsyncEnumerable<TItem> ListAllAsync<TPage, TItem>(string path, (string Name, string? Value)[] query, JsonTypeInfo<TPage> pageType,
        Func<TPage?, IReadOnlyList<TItem>?> itemsOf, string operation, string? subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = Url(path, query);
        var pageSize = PageSizeOf(query);
        var links = new HashSet<string>(StringComparer.Ordinal) { next.AbsoluteUri };
        var pages = new HashSet<string>(StringComparer.Ordinal);
        var listed = 0;
        while (next is not null)
        {
            using var response = await SendAsync(HttpMethod.Get, next, content: null, operation, subject, cancellationToken);
            var items = itemsOf(await ReadAsync(response, pageType, operation, subject, cancellationToken)) ?? [];
            next = NextPage(response, query, operation, subject);
            listed += items.Count;
            // A server going round in circles: a link back to a page already read, or the same page under another link.
            var circle = next is not null && !links.Add(next.AbsoluteUri) ? "its next-page link leads back to a page already read; the list stops here"
                : items.Count > 0 && !pages.Add(Convert.ToHexString(await SHA256.HashDataAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken)))
                    ? "the same page again under another link; the list stops here"
                    : null;
            if ((circle ?? PageProblem(items.Count, pageSize, listed, next is not null)) is { } problem)
            {
                throw Unreadable(response, operation, subject, problem);
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    /// <summary>One page of <c>GET path</c> at <paramref name="offset"/>, and whether Webex links a next one.</summary>
    public async Task<(IReadOnlyList<TItem> Items, bool HasMore)> ListPageAsync<TPage, TItem>(string path, (string Name, string? Value)[] query, int offset,
        JsonTypeInfo<TPage> pageType, Func<TPage?, IReadOnlyList<TItem>?> itemsOf, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Url(path, [.. query, ("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
            content: null, operation, subject: null, cancellationToken);
        var items = itemsOf(await ReadAsync(response, pageType, operation, subject: null, cancellationToken)) ?? [];
        var hasMore = NextPage(response, query, operation, subject: null) is not null;
        if (PageProblem(items.Count, PageSizeOf(query), offset + items.Count, hasMore) is { } problem)
        {
            throw Unreadable(response, operation, subject: null, problem);
        }

        return (items, hasMore);
    }

    /// <summary>What makes a page impossible for a real Webex list, or null: more items than asked for, an empty page that links another, no end.</summary>
    private static string? PageProblem(int items, int pageSize, int listedSoFar, bool linksNext) =>
        items > pageSize ? $"a page of {items} items, where {pageSize} were asked for; the list is not read"
        : items == 0 && linksNext ? "an empty page that links another; the list stops here"
        : listedSoFar > MaxListedItems ? $"more than {MaxListedItems:N0} items and still linking further pages; the list stops here"
        : null;

    private static int PageSizeOf((string Name, string? Value)[] query) =>
        query.Where(pair => pair.Name == "max").Select(pair => int.TryParse(pair.Value, out var max) ? max : (int?)null).FirstOrDefault() ?? LargestPage;

    public Uri Url(string path, params (string Name, string? Value)[] query)
    {
        var pairs = query.Where(pair => !string.IsNullOrEmpty(pair.Value))
            .Select(pair => $"{Uri.EscapeDataString(pair.Name)}={Uri.EscapeDataString(pair.Value!)}").ToList();
        return new Uri(_origin.BaseUrl, pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}");
    }

    /// <summary>
    /// The <c>Link: rel="next"</c> URL, resolved against the request (RFC 8288 allows relative links) and followed only
    /// within the token's origin; filters it dropped are added back (some Webex list APIs have lost them from their
    /// next links). A link that cannot be read or leads elsewhere ends the list with an error naming it.
    /// </summary>
    private Uri? NextPage(HttpResponseMessage response, (string Name, string? Value)[] query, string operation, string? subject)
    {
        if (NextLink(response) is not { } link)
        {
            return null;
        }

        var shown = link.Length <= 200 ? link : $"{link[..200]}… ({link.Length} characters)";
        var requested = response.RequestMessage?.RequestUri ?? _origin.BaseUrl;
        var target = link.Length >= 2 && link[0] == '<' && link[^1] == '>' ? link[1..^1].Trim() : "";
        if (target.Length == 0 || !Uri.IsWellFormedUriString(target, UriKind.RelativeOrAbsolute) || !Uri.TryCreate(requested, target, out var next))
        {
            throw Unreadable(response, operation, subject, $"its next-page link {shown} is not a URL; the list stops here");
        }

        if (!_origin.Allows(next))
        {
            throw Unreadable(response, operation, subject,
                $"its next-page link {shown} leads outside {_origin}, the only place the access token is sent; the list stops here");
        }

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

    /// <summary>The target of the <c>rel="next"</c> link, still in its angle brackets, or null when there is none.</summary>
    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links.SelectMany(header => header.Split(',')))
        {
            var parts = link.Split(';');
            if (parts.Length >= 2 && parts.Skip(1).Any(p => p.Trim().Replace(" ", "") is "rel=\"next\"" or "rel=next"))
            {
                return parts[0].Trim();
            }
        }

        return null;
    }

    private WebexApiException Unreadable(HttpResponseMessage response, string operation, string? subject, string problem) =>
        new(operation, subject, noun, response.StatusCode, new WebexErrorBody { Message = $"the answer is not a Webex list page: {problem}" },
            TrackingIdOf(response), kind: WebexErrorKind.Unreadable);

    public HttpRequestMessage NewRequest(HttpMethod method, Uri url, HttpContent? content)
    {
        var message = new HttpRequestMessage(method, url) { Content = content };
        if (!_origin.Allows(url))
        {
            // Every URL is built from the base URL or checked by NextPage; this is the last guard, not a user's error.
            throw new InvalidOperationException($"a request to {url.GetLeftPart(UriPartial.Path)} would carry the access token outside {_origin}");
        }

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
            var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            try
            {
                await BufferAsync(response, operation, subject, cancellationToken);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (Exception error) when (error is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new WebexApiException(operation, subject, noun, statusCode: null, body: null, SentTrackingId(message), error);
        }
        catch (OperationCanceledException error) when ((error as RetriesStoppedException ?? error.InnerException as RetriesStoppedException) is { } stopped)
        {
            // HttpClient wraps a handler's cancellation in one of its own; the last answer is inside.
            throw new WebexCallStoppedException(await LastAnswerAsync(stopped, message, operation, subject), cancellationToken);
        }
    }

    /// <summary>
    /// Reads the whole answer into memory, at most <see cref="MaxAnswerBytes"/>: a server that sends more (a page of
    /// 200,000 items where 100 were asked for) gets a clear error, not the plugin's memory.
    /// </summary>
    private async Task BufferAsync(HttpResponseMessage response, string operation, string? subject, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxAnswerBytes)
        {
            throw TooLarge(response, operation, subject);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream(); // handed to the content below, which owns it from then on
        var chunk = new byte[64 * 1024];
        for (int read; (read = await body.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            if (buffer.Length + read > MaxAnswerBytes)
            {
                throw TooLarge(response, operation, subject);
            }

            buffer.Write(chunk, 0, read);
        }

        var buffered = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length); // the buffer itself, not a copy of it
        foreach (var header in response.Content.Headers.Where(header => header.Key != "Content-Length"))
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content.Dispose();
        response.Content = buffered;
    }

    private WebexApiException TooLarge(HttpResponseMessage response, string operation, string? subject) =>
        new(operation, subject, noun, response.StatusCode,
            new WebexErrorBody { Message = $"the answer is larger than {MaxAnswerBytes / (1024 * 1024)} MB, far more than any Webex answer; it is not read" },
            TrackingIdOf(response), kind: WebexErrorKind.Unreadable);

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
