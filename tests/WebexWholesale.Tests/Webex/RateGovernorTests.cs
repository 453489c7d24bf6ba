using System.Net;
using Microsoft.Extensions.Time.Testing;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Webex;

public sealed class RateGovernorTests : IDisposable
{
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly Queue<HttpStatusCode> _answers = new();
    private readonly List<DateTimeOffset> _sent = [];
    private TimeSpan _retryAfter = TimeSpan.FromSeconds(2);
    private readonly RateGovernor _sut;
    private readonly HttpMessageInvoker _http;

    public RateGovernorTests()
    {
        _sut = new RateGovernor(4, _time, TimeSpan.FromSeconds(60), new Answering(this));
        _http = new HttpMessageInvoker(_sut);
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> Send() => _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://webex.test/v1/x"), CancellationToken.None);

    private sealed class Answering(RateGovernorTests test) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            test._sent.Add(test._time.GetUtcNow());
            var response = new HttpResponseMessage(test._answers.Count > 0 ? test._answers.Dequeue() : HttpStatusCode.OK);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(test._retryAfter);
            }

            return Task.FromResult(response);
        }
    }

    [Fact]
    public async Task ABurst_GoesAtOnce_ThenRequestsArePacedAtTheRate()
    {
        var start = _time.GetUtcNow();
        for (var i = 0; i < 30; i++)
        {
            await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(5));
        }

        Assert.All(_sent.Take(20), sent => Assert.Equal(start, sent));
        Assert.True(_sent[29] - start >= TimeSpan.FromSeconds(9 / RateGovernor.MaxRate), $"the rest are paced: {(_sent[29] - start).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A429_PausesEveryRequestForItsRetryAfter()
    {
        _answers.Enqueue(HttpStatusCode.TooManyRequests);
        var limited = await Send();
        var after429 = _time.GetUtcNow();
        // One request in the last second says little about the limit: the rate is cut, but no deeper than this.
        Assert.Equal(RateGovernor.MaxRate * RateGovernor.DeepestCut, _sut.Rate);

        var next = await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(100)); // another operation's request

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.True(_sent[1] - after429 >= TimeSpan.FromSeconds(2), "it waited out Webex's Retry-After");
    }

    [Fact]
    public async Task A429_SetsTheRateJustUnderWhatWebexAcceptedInTheLastSecond()
    {
        for (var i = 0; i < 30; i++)
        {
            await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(5)); // 20 at once, 10 more at 50/s: 0.2 s in all
        }

        _answers.Enqueue(HttpStatusCode.TooManyRequests);
        await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(5));

        Assert.Equal(30 * RateGovernor.Cut, _sut.Rate, 6);
    }

    [Fact]
    public async Task A429_JustAfterAPause_IsMeasuredOverTheTimeRequestsWereSent_NotThePause()
    {
        _retryAfter = TimeSpan.FromSeconds(1);
        for (var i = 0; i < 30; i++)
        {
            await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(5));
        }

        var started = _time.GetUtcNow();
        _answers.Enqueue(HttpStatusCode.TooManyRequests);
        await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(5)); // cut to 27/s; everyone pauses for 1 s
        var cut = _sut.Rate;
        _time.Advance(TimeSpan.FromSeconds(1.5) - (_time.GetUtcNow() - started));
        _answers.Enqueue(HttpStatusCode.TooManyRequests);
        await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(5)); // the same burst: no cut, another 1 s pause
        _time.Advance(TimeSpan.FromSeconds(2.6) - (_time.GetUtcNow() - started));
        _answers.Enqueue(HttpStatusCode.TooManyRequests);

        await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(5)); // 0.1 s after the pause: the last second was nearly all pause

        Assert.Equal(30 * RateGovernor.Cut, cut, 6);
        Assert.InRange(_sut.Rate, cut * RateGovernor.Cut * 0.99, cut); // cut once more by the usual share, not to the floor
    }

    [Fact]
    public async Task AfterAPause_RequestsResumeAtTheRate_NotAsABurst()
    {
        _answers.Enqueue(HttpStatusCode.TooManyRequests);
        await Send();
        var resumed = _time.GetUtcNow() + _retryAfter;

        var sends = Enumerable.Range(0, 5).Select(_ => Send()).ToList();
        await _time.RunAsync(Task.WhenAll(sends), TimeSpan.FromMilliseconds(5));

        var interval = TimeSpan.FromSeconds(1 / (RateGovernor.MaxRate * RateGovernor.DeepestCut));
        Assert.Equal(resumed, _sent[1]);
        for (var i = 2; i < _sent.Count; i++)
        {
            Assert.True(_sent[i] - _sent[i - 1] >= interval - TimeSpan.FromMilliseconds(10), $"request {i} came {(_sent[i] - _sent[i - 1]).TotalMilliseconds} ms after the one before");
        }
    }

    [Fact]
    public async Task ABurstOf429s_CutsTheRateOnce_NotOnceEach()
    {
        _retryAfter = TimeSpan.FromSeconds(1);
        _answers.Enqueue(HttpStatusCode.TooManyRequests);
        _answers.Enqueue(HttpStatusCode.TooManyRequests);

        for (var i = 0; i < 3; i++)
        {
            await _time.RunAsync(Send(), TimeSpan.FromMilliseconds(100)); // 429 at 0 s, 429 at 1 s, then an answer
        }

        var once = RateGovernor.MaxRate * RateGovernor.DeepestCut;
        Assert.InRange(_sut.Rate, once, once + 1); // a second cut would have left a quarter of that
    }

    [Fact]
    public async Task TheRate_RecoversOnlyWhileRequestsWaitForIt()
    {
        _answers.Enqueue(HttpStatusCode.TooManyRequests);
        await Send();
        var cut = _sut.Rate;

        _time.Advance(TimeSpan.FromMinutes(5)); // idle: nothing proves a higher rate would be accepted
        Assert.Equal(cut, _sut.Rate);

        var busy = Enumerable.Range(0, 200).Select(_ => Send()).ToList();
        await _time.RunAsync(Task.WhenAll(busy), TimeSpan.FromMilliseconds(20));

        var waited = 200 / cut; // about: 200 requests paced at roughly the cut rate
        Assert.True(_sut.Rate > cut + (RateGovernor.RecoveryPerSecond * waited / 2) && _sut.Rate < RateGovernor.MaxRate, $"{cut} -> {_sut.Rate}");
    }

    [Fact]
    public async Task InFlight_IsCappedAtMaxConcurrentRequests()
    {
        var gate = new TaskCompletionSource();
        var inFlight = 0;
        var most = 0;
        using var invoker = new HttpMessageInvoker(new RateGovernor(3, _time, TimeSpan.FromSeconds(60), new Blocking(gate.Task, () =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inFlight));
        }, () => Interlocked.Decrement(ref inFlight))));

        var sends = Enumerable.Range(0, 10).Select(_ => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://webex.test/v1/x"), CancellationToken.None)).ToList();
        await Task.Delay(100, CancellationToken.None);
        gate.SetResult();
        await Task.WhenAll(sends);

        Assert.Equal(3, most);
    }

    private sealed class Blocking(Task gate, Action enter, Action leave) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            enter();
            await gate;
            leave();
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
