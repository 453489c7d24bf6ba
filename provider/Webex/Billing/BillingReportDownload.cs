using System.Net;

namespace WebexWholesale.Provider.Webex.Billing;

/// <summary>
/// Fetches the CSV behind a report's <c>tempDownloadURL</c>: a presigned link on another origin (a content server,
/// e.g. <c>…webexcontent.com</c>), so it is sent through a client of its own that carries no token, over https only
/// (plain http only to a loopback host, the simulator). Messages show the link without its query, which is its key.
/// </summary>
public sealed class BillingReportDownload(HttpClient plainClient)
{
    /// <summary>The largest CSV read: a USER report of 500,000 subscribers is about 100 MB.</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    /// <summary>A client for downloads: no credentials, no redirects (a redirect could leave https), no cookies.</summary>
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, Credentials = null, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            MaxResponseContentBufferSize = MaxBytes,
            Timeout = TimeSpan.FromMinutes(5),
        };

    /// <summary>What makes <paramref name="link"/> unfit to fetch, or null.</summary>
    public static string? Problem(string? link)
    {
        if (string.IsNullOrEmpty(link) || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "the report has no download link (tempDownloadURL) that is an absolute https URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return $"the download link {Shown(uri)} carries a user name; it is not fetched";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback ? $"the download link {Shown(uri)} is plain http; only https links are fetched" : null;
    }

    public async Task<string> FetchAsync(string link, CancellationToken cancellationToken)
    {
        if (Problem(link) is { } problem)
        {
            throw new BillingDownloadException(problem);
        }

        var uri = new Uri(link);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("text/csv");
        try
        {
            using var response = await plainClient.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var expired = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Gone
                    ? "; the link may have expired: read the report again for a new one"
                    : "";
                throw new BillingDownloadException($"{Shown(uri)} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}{expired}");
            }

            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new BillingDownloadException($"cannot fetch {Shown(uri)}: {error.Message}", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BillingDownloadException($"no answer from {Shown(uri)} within {plainClient.Timeout.TotalMinutes:0} minutes", error);
        }
    }

    /// <summary>The link without its query (the signature that grants access) and fragment.</summary>
    public static string Shown(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}

public sealed class BillingDownloadException(string message, Exception? inner = null) : Exception(message, inner);
