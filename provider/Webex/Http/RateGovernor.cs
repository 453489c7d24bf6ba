using System.Net;
using System.Threading.RateLimiting;

namespace WebexWholesale.Provider.Webex.Http;

/// <summary>
/// How fast one configured provider (one token) calls Webex. Every attempt waits its turn instead of failing:
/// <list type="bullet">
/// <item>at most <c>maxConcurrentRequests</c> in flight (a <see cref="ConcurrencyLimiter"/>, queueing oldest first);</item>
/// <item>paced at an adaptive rate (AIMD): on a burst of 429s, set just under the number of requests Webex accepted in
/// the last second (its limit, as measured), then raised slowly, and only while requests are waiting for it (a rate raised while
/// idle is a burst against the limit at the next wave of operations);</item>
/// <item>once Webex has rate-limited the token, paced one request at a time, without bursts;</item>
/// <item>and paused for everyone when Webex says how long to wait (<c>Retry-After</c> on a 429 or 423), after which
/// requests resume at the rate.</item>
/// </list>
/// System.Threading.RateLimiting's token bucket fixes its rate when it is created, and the pause has to hold every
/// request of the token at once, so the pacing is a shared schedule here rather than a library bucket. The schedule
/// and what was learned live in an <see cref="IPacingStore"/>: this process's own, or one that the plugin processes
/// of a machine share for the token (<see cref="SharedPacing"/>), so that stacks deployed side by side pace as one.
/// </summary>
public sealed class RateGovernor : DelegatingHandler
{
    public const double MaxRate = 50;
    public const double MinRate = 1;

    /// <summary>A 429 sets the rate to this share of what Webex accepted in the last second (and cuts it by at least this much).</summary>
    public const double Cut = 0.9;

    /// <summary>One 429 cuts the rate to no less than this share: a 429 after a quiet second says little about the limit.</summary>
    public const double DeepestCut = 0.25;

    /// <summary>
    /// After a cut the rate rises by this many requests per second for every second in which requests waited for it.
    /// Slow on purpose: each 429 costs a pause for every request of the token, so few cuts beat a rate kept at the edge.
    /// </summary>
    public const double RecoveryPerSecond = 0.2;

    /// <summary>429s closer together than this are one burst: the rate is cut once for them, not once each.</summary>
    private static readonly TimeSpan CutInterval = TimeSpan.FromSeconds(2);

    /// <summary>Requests that may go at once before the rate applies (the bucket's size), until Webex first rate-limits.</summary>
    public const double Burst = 20;

    private readonly ConcurrencyLimiter _inFlight;
    private readonly TimeProvider _time;
    private readonly IPacingStore _pace;

    private readonly TimeSpan _maxPause;

    /// <param name="maxPause">the longest pause a <c>Retry-After</c> may impose, as the retry rules cap it</param>
    /// <param name="pace">where the pace is kept; this governor's own when null</param>
    public RateGovernor(int maxConcurrentRequests, TimeProvider time, TimeSpan maxPause, HttpMessageHandler inner, IPacingStore? pace = null) : base(inner)
    {
        _time = time;
        _maxPause = maxPause;
        _pace = pace ?? new LocalPacing();
        _inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Requests per second the governor allows now.</summary>
    public double Rate => _pace.Change(CurrentRate);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await _inFlight.AcquireAsync(1, cancellationToken);
        var wait = TakeSlot();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        Learn(response);
        return response;
    }

    /// <summary>
    /// A token bucket in its scheduling form (GCRA): each request moves the theoretical arrival time on by one interval,
    /// and waits only when that time runs more than a burst ahead of now, or while Webex asked everyone to pause.
    /// </summary>
    private TimeSpan TakeSlot() => _pace.Change(state =>
    {
        var now = _time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(1 / CurrentRate(state));
        var arrival = state.TheoreticalArrival > now ? state.TheoreticalArrival : now;
        state.TheoreticalArrival = arrival + interval;
        var allowedAt = arrival - (interval * BurstNow(state));
        if (allowedAt > now)
        {
            state.WaitedSinceCut += interval; // demand exceeds the rate: this is the time that earns recovery
        }

        var until = allowedAt > state.PausedUntil ? allowedAt : state.PausedUntil;
        return until > now ? until - now : TimeSpan.Zero;
    });

    private void Learn(HttpResponseMessage response) => _pace.Change(state =>
    {
        var now = _time.GetUtcNow();
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.Locked))
        {
            AcceptedInLastSecond(state, now); // forgets what is older
            state.RecentlyAccepted.Enqueue(now);
            return true;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests && now - state.LastCut >= CutInterval)
        {
            var rate = CurrentRate(state);
            var measured = AcceptedPerSecond(state, now) ?? rate;
            state.CutRate = Math.Max(MinRate, Math.Clamp(measured * Cut, rate * DeepestCut, rate * Cut));
            state.LastCut = now;
            state.WaitedSinceCut = TimeSpan.Zero;
        }

        var asked = RetryAfter.Read(response.Headers.RetryAfter, now) ?? TimeSpan.FromSeconds(1);
        var pause = asked > _maxPause ? _maxPause : asked;
        if (now + pause > state.PausedUntil)
        {
            state.PausedUntil = now + pause;
        }

        // The bucket is empty when the pause ends: requests resume one interval apart.
        var resume = state.PausedUntil + TimeSpan.FromSeconds(BurstNow(state) / CurrentRate(state));
        if (resume > state.TheoreticalArrival)
        {
            state.TheoreticalArrival = resume;
        }

        return true;
    });

    private static bool Limited(PacingState state) => state.LastCut != DateTimeOffset.MinValue;

    private static double BurstNow(PacingState state) => Limited(state) ? 1 : Burst;

    /// <summary>The rate now: the last cut, plus the recovery earned while requests waited since.</summary>
    private static double CurrentRate(PacingState state) =>
        Limited(state) ? Math.Min(MaxRate, state.CutRate + (RecoveryPerSecond * state.WaitedSinceCut.TotalSeconds)) : MaxRate;

    /// <summary>A second's measure needs at least this much of it unpaused.</summary>
    private static readonly TimeSpan ShortestMeasure = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// What Webex accepted per second over the last second's unpaused part, or null when too little of it was unpaused
    /// to tell. A second that a <c>Retry-After</c> pause filled accepted little because nothing was sent, not because the
    /// limit is low: counted as a whole second, it cut the rate far under the limit after each pause.
    /// </summary>
    private static double? AcceptedPerSecond(PacingState state, DateTimeOffset now)
    {
        var from = now - TimeSpan.FromSeconds(1);
        if (state.PausedUntil > from && state.PausedUntil <= now)
        {
            from = state.PausedUntil;
        }

        var sending = now - from;
        return sending < ShortestMeasure ? null : AcceptedInLastSecond(state, now) / sending.TotalSeconds;
    }

    /// <summary>Answers other than 429 in the last second; older ones are forgotten.</summary>
    private static int AcceptedInLastSecond(PacingState state, DateTimeOffset now)
    {
        while (state.RecentlyAccepted.Count > 0 && state.RecentlyAccepted.Peek() <= now - TimeSpan.FromSeconds(1))
        {
            state.RecentlyAccepted.Dequeue();
        }

        return state.RecentlyAccepted.Count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inFlight.Dispose();
        }

        base.Dispose(disposing);
    }
}
