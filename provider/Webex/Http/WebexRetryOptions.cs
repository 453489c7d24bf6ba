namespace WebexWholesale.Provider.Webex.Http;

/// <summary>How the client retries; the defaults suit Webex, tests shorten or fix them.</summary>
public sealed record WebexRetryOptions
{
    /// <value>
    /// How long a call keeps retrying. Retries are bounded by time, not by a count: a call stops when its cancellation
    /// fires (an operation's deadline: the customTimeouts of a create, update or delete) or when this window has
    /// passed since its first attempt, whichever is first. The window bounds the calls that have no deadline of their
    /// own, such as the fleet's shared list passes. The default value is 30 minutes, the default customTimeouts.
    /// </value>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromMinutes(30);

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
