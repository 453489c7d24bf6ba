using System.Net;
using System.Threading.RateLimiting;

namespace WebexWholesale.Provider.Webex.Http;

/// <summary>
/// How fast one configured provider (one token) calls Webex. Every attempt waits its turn instead of failing:
/// <list type="bullet">
/// <item>at most <c>maxConcurrentRequests</c> in flight (a <see cref="ConcurrencyLimiter"/>, queueing oldest first);</item>
/// <item>paced at an adaptive rate (AIMD): cut by a quarter once per burst of 429s, then raised steadily with time;</item>
/// <item>and paused for everyone when Webex says how long to wait (<c>Retry-After</c> on a 429 or 423), after which
/// requests resume at the rate rather than as a burst (a burst straight after the pause is what earns the next 429).</item>
/// </list>
/// System.Threading.RateLimiting's token bucket fixes its rate when it is created, and the pause has to hold every
/// request of the token at once, so the pacing is a shared schedule here rather than a library bucket.
/// </summary>
public sealed class RateGovernor : DelegatingHandler
{
    public const double MaxRate = 50;
    public const double MinRate = 1;

    /// <summary>A burst of 429s leaves this share of the rate.</summary>
    public const double Cut = 0.75;

    /// <summary>
    /// After a cut the rate rises by this many requests per second, every second. Recovery follows time, not answers:
    /// raised per answer, a fast rate recovers in a moment and runs straight into the next 429.
    /// </summary>
    public const double RecoveryPerSecond = 0.5;

    /// <summary>429s closer together than this are one burst: the rate is cut once for them, not once each.</summary>
    private static readonly TimeSpan CutInterval = TimeSpan.FromSeconds(2);

    /// <summary>Requests that may go at once before the rate applies (the bucket's size).</summary>
    private const double Burst = 20;

    private readonly ConcurrencyLimiter _inFlight;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _cutRate = MaxRate;
    private DateTimeOffset _theoreticalArrival;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _lastCut = DateTimeOffset.MinValue;

    private readonly TimeSpan _maxPause;

    /// <param name="maxPause">the longest pause a <c>Retry-After</c> may impose, as the retry rules cap it</param>
    public RateGovernor(int maxConcurrentRequests, TimeProvider time, TimeSpan maxPause, HttpMessageHandler inner) : base(inner)
    {
        _time = time;
        _maxPause = maxPause;
        _inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Requests per second the governor allows now.</summary>
    public double Rate
    {
        get
        {
            lock (_gate)
            {
                return RateAt(_time.GetUtcNow());
            }
        }
    }

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
    private TimeSpan TakeSlot()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var interval = TimeSpan.FromSeconds(1 / RateAt(now));
            var arrival = _theoreticalArrival > now ? _theoreticalArrival : now;
            _theoreticalArrival = arrival + interval;
            var allowedAt = arrival - (interval * Burst);
            var until = allowedAt > _pausedUntil ? allowedAt : _pausedUntil;
            return until > now ? until - now : TimeSpan.Zero;
        }
    }

    private void Learn(HttpResponseMessage response)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.Locked))
            {
                return;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests && now - _lastCut >= CutInterval)
            {
                _cutRate = Math.Max(MinRate, RateAt(now) * Cut);
                _lastCut = now;
            }

            var asked = RetryAfter.Read(response.Headers.RetryAfter, now) ?? TimeSpan.FromSeconds(1);
            var pause = asked > _maxPause ? _maxPause : asked;
            if (now + pause > _pausedUntil)
            {
                _pausedUntil = now + pause;
            }

            // The bucket is empty when the pause ends: requests resume one interval apart.
            var resume = _pausedUntil + TimeSpan.FromSeconds(Burst / RateAt(now));
            if (resume > _theoreticalArrival)
            {
                _theoreticalArrival = resume;
            }
        }
    }

    /// <summary>The rate at a moment: the last cut, plus the recovery since.</summary>
    private double RateAt(DateTimeOffset now) =>
        _lastCut == DateTimeOffset.MinValue ? MaxRate : Math.Min(MaxRate, _cutRate + (RecoveryPerSecond * (now - _lastCut).TotalSeconds));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inFlight.Dispose();
        }

        base.Dispose(disposing);
    }
}
