namespace WebexWholesale.Provider.Webex.Http;

/// <summary>
/// Builds the one HTTP pipeline a configured provider shares for all its resources: one connection pool, the retry
/// rules, and below them the rate governor, so that every attempt, retries included, waits its turn.
/// </summary>
public static class WebexHttp
{
    public static HttpClient CreateClient(int maxConcurrentRequests, TimeProvider time, Action<RetryNotice>? onRetry,
        WebexRetryOptions? retry = null, HttpMessageHandler? transport = null, IPacingStore? pace = null)
    {
        transport ??= new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // picks up DNS changes of webexapis.com
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        var options = retry ?? new WebexRetryOptions();
        var handler = new WebexRetryHandler(options, time, onRetry,
            new RateGovernor(maxConcurrentRequests, time, options.MaxRetryAfter,
                new AttemptTimeoutHandler(options.AttemptTimeout, time, transport), pace));

        // Attempts are timed by the retry handler; the client-wide timeout would cut a whole series of retries.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
