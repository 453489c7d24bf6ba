namespace WebexWholesale.Provider.Webex.Http;

/// <summary>How the client retries; the defaults suit Webex, tests shorten or fix them.</summary>
public sealed record WebexRetryOptions
{
    /// <value>Retries after the first attempt for failures that may hide a processed request (5xx, lost connections). The default value is 6.</value>
    public int MaxRetries { get; init; } = 6;

    /// <value>
    /// Retries of a 429 or 423, which say the request was not processed: the governor waits them out, and the
    /// operation's deadline (its cancellation) ends the wait sooner. The default value is 100.
    /// </value>
    public int MaxRateLimitedRetries { get; init; } = 100;

    /// <value>First backoff delay, doubled each retry with jitter. The default value is 1 second.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <value>Longest backoff delay. The default value is 30 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <value>Longest wait a <c>Retry-After</c> header may ask for. The default value is 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <value>Time one attempt may take before it counts as lost. The default value is 60 seconds.</value>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <value>Source of jitter in [0, 1); fixed in tests. The default is <see cref="Random.Shared"/>.</value>
    public Func<double> Randomizer { get; init; } = Random.Shared.NextDouble;
}

/// <summary>A retry the client is about to make, for diagnostics.</summary>
public sealed record RetryNotice(string Method, string Path, int Attempt, TimeSpan Delay, string Reason);
