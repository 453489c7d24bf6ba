namespace WebexWholesale.Provider.Webex;

/// <summary>
/// Where the access token may go: the configured base URL's origin (scheme, host and port) and path prefix, over
/// https unless the host is loopback (the local simulator). Every request the plugin and the exporter send is checked
/// against it, next-page links included, so a Webex answer (or anything posing as one) cannot send the token elsewhere.
/// </summary>
public sealed class TokenOrigin
{
    public const string PublicCloud = "https://webexapis.com/v1";

    private TokenOrigin(Uri baseUrl) => BaseUrl = baseUrl;

    /// <summary>The base URL, ending in "/" so that relative paths resolve below it.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The origin of <paramref name="baseUrl"/>; <see cref="Problem"/> must have found nothing wrong with it.</summary>
    public static TokenOrigin Of(Uri baseUrl)
    {
        if (Problem(baseUrl.OriginalString) is { } problem)
        {
            throw new ArgumentException(problem, nameof(baseUrl));
        }

        return new TokenOrigin(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"));
    }

    /// <summary>What is wrong with a base URL as the one place the token goes, or null.</summary>
    public static string? Problem(string text)
    {
        var shown = text.Length <= 80 ? text : $"{text[..60]}… ({text.Length} characters)";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"'{shown}' is not an absolute https URL; use e.g. {PublicCloud} or the URL the simulator prints";
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"'{shown}' has a user name, a query or a fragment; a base URL is scheme, host, port and path only, e.g. {PublicCloud}";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback
            ? $"'{shown}' would send the access token unencrypted: use https (plain http is accepted only for a loopback host such as the simulator's 127.0.0.1)"
            : null;
    }

    /// <summary>True when a request to <paramref name="url"/> may carry the token: same scheme, host and port, below the base path.</summary>
    public bool Allows(Uri url) =>
        url.IsAbsoluteUri
        && string.Equals(url.Scheme, BaseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.IdnHost, BaseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.Port == BaseUrl.Port
        && url.UserInfo.Length == 0
        && url.AbsolutePath.StartsWith(BaseUrl.AbsolutePath, StringComparison.Ordinal);

    /// <summary>The origin and path prefix, for messages (never a query, so never a filter value).</summary>
    public override string ToString() => BaseUrl.GetLeftPart(UriPartial.Path);
}
