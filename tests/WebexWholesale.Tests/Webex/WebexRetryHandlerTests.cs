using System.Net;
using Microsoft.Extensions.Time.Testing;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Webex;

public sealed class WebexRetryHandlerTests : IDisposable
{
    private const string CustomerJson = """{"id": "c1", "status": "provisioned"}""";
    private static readonly ProvisionCustomerRequest Provision = new()
    {
        ProvisioningId = "p", Packages = ["webex_meetings"], ExternalId = "ext-1",
        Address = new CustomerAddress { AddressLine1 = "1 Main St", City = "Springfield", Country = "US" },
    };

    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly FakeWebexTransport _transport;
    private readonly List<RetryNotice> _retries = [];
    private readonly WholesaleCustomersClient _sut;

    public WebexRetryHandlerTests()
    {
        _transport = new FakeWebexTransport(_time);
        var http = WebexHttp.CreateClient(4, _time, _retries.Add, new WebexRetryOptions { Randomizer = () => 0.5 }, _transport);
        _sut = new WholesaleCustomersClient(http, new Uri("https://webex.test/v1"), "secret-token");
    }

    private static Action<HttpResponseMessage> RetryAfterSeconds(int seconds) =>
        response => response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Get_TransientGatewayError_IsRetried(HttpStatusCode status)
    {
        _transport.Then(status).Then(HttpStatusCode.OK, CustomerJson);

        var customer = await _time.RunAsync(_sut.GetAsync("c1", null, CancellationToken.None));

        Assert.Equal("c1", customer!.Id);
        Assert.Equal(2, _transport.Requests.Count);
        Assert.Single(_retries);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task ProvisionPost_TransientGatewayError_IsNeverReplayed(HttpStatusCode status)
    {
        _transport.Then(status).Then(HttpStatusCode.Accepted, """{"url": "https://webex.test/v1/wholesale/customers/new"}""");

        var error = await Assert.ThrowsAsync<WebexApiException>(() => _time.RunAsync(_sut.ProvisionAsync(Provision, null, CancellationToken.None)));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(_transport.Requests);
    }

    [Fact]
    public async Task ProvisionPost_DroppedConnection_IsNeverReplayed()
    {
        _transport.ThenDrop().Then(HttpStatusCode.Accepted, """{"url": "https://webex.test/v1/wholesale/customers/new"}""");

        var error = await Assert.ThrowsAsync<WebexApiException>(() => _time.RunAsync(_sut.ProvisionAsync(Provision, null, CancellationToken.None)));

        Assert.Null(error.StatusCode);
        Assert.Contains("no answer from Webex", error.Message);
        Assert.Single(_transport.Requests);
    }

    [Fact]
    public async Task Get_DroppedConnection_IsRetried()
    {
        _transport.ThenDrop().Then(HttpStatusCode.OK, CustomerJson);

        await _time.RunAsync(_sut.GetAsync("c1", null, CancellationToken.None));

        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task ProvisionPost_RateLimited_IsRetriedAfterRetryAfterSeconds()
    {
        _transport.Then(HttpStatusCode.TooManyRequests, headers: RetryAfterSeconds(7))
            .Then(HttpStatusCode.Accepted, """{"url": "https://webex.test/v1/wholesale/customers/new"}""");

        var id = await _time.RunAsync(_sut.ProvisionAsync(Provision, null, CancellationToken.None));

        Assert.Equal("new", id);
        Assert.Equal(2, _transport.Requests.Count);
        Assert.InRange(_transport.Requests[1].At - _transport.Requests[0].At, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.5));
        Assert.Equal(TimeSpan.FromSeconds(7), _retries.Single().Delay);
    }

    [Fact]
    public async Task RetryAfter_AsHttpDate_IsHonoured()
    {
        var at = _time.GetUtcNow().AddSeconds(12);
        _transport.Then(HttpStatusCode.TooManyRequests, headers: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(at))
            .Then(HttpStatusCode.OK, CustomerJson);

        await _time.RunAsync(_sut.GetAsync("c1", null, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(12), _retries.Single().Delay);
    }

    [Fact]
    public async Task RetryAfter_IsCappedAtSixtySeconds()
    {
        _transport.Then(HttpStatusCode.TooManyRequests, headers: RetryAfterSeconds(3600)).Then(HttpStatusCode.OK, CustomerJson);

        await _time.RunAsync(_sut.GetAsync("c1", null, CancellationToken.None), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(60), _retries.Single().Delay);
    }

    [Fact]
    public async Task Locked_IsRetriedForEveryMethod()
    {
        _transport.Then(HttpStatusCode.Locked).Then(HttpStatusCode.Accepted, "");

        await _time.RunAsync(_sut.UpdateAsync("c1", new UpdateCustomerRequest { Packages = ["webex_meetings"] }, null, CancellationToken.None));

        Assert.Equal(2, _transport.Requests.Count);
        Assert.All(_transport.Requests, request => Assert.Equal(HttpMethod.Put, request.Method));
    }

    [Fact]
    public async Task WithoutRetryAfter_BackoffGrowsExponentially()
    {
        _transport.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.OK, CustomerJson);

        await _time.RunAsync(_sut.GetAsync("c1", null, CancellationToken.None));

        var delays = _retries.Select(r => r.Delay).ToList();
        Assert.Equal(3, delays.Count);
        Assert.True(delays[1] > delays[0] && delays[2] > delays[1], string.Join(", ", delays));
    }

    [Fact]
    public async Task Delete_GatewayTimeout_IsRetried()
    {
        _transport.Then(HttpStatusCode.GatewayTimeout).Then(HttpStatusCode.Accepted, "");

        Assert.True(await _time.RunAsync(_sut.RemoveAsync("c1", null, CancellationToken.None)));
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task InternalServerError_IsNotRetried()
    {
        _transport.Then(HttpStatusCode.InternalServerError);

        await Assert.ThrowsAsync<WebexApiException>(() => _time.RunAsync(_sut.GetAsync("c1", null, CancellationToken.None)));
        Assert.Single(_transport.Requests);
    }

    [Fact]
    public async Task RateLimitedOnEveryAttempt_IsRetriedUntilTheWindowEnds_ThenGivesUpAsRateLimited()
    {
        var sut = ClientWith(new WebexRetryOptions { Randomizer = () => 0.5, RetryWindow = TimeSpan.FromMinutes(2) });
        _transport.Then(HttpStatusCode.TooManyRequests, headers: RetryAfterSeconds(10));

        var error = await Assert.ThrowsAsync<WebexApiException>(() => _time.RunAsync(sut.GetAsync("c1", null, CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(WebexErrorKind.RateLimited, error.Kind);
        Assert.DoesNotContain("--parallel", error.Message); // advice is the resource layer's
        Assert.InRange(_transport.Requests.Count, 12, 14); // one every 10 s for 2 minutes: time, not a count, ends it
        Assert.InRange(_transport.Requests[^1].At - _transport.Requests[0].At, TimeSpan.FromSeconds(110), TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(12)]
    public async Task ALostConnectionEveryTime_EndsWithinTheWindow_NotAfterTheNextBackoff(int seconds)
    {
        var sut = ClientWith(new WebexRetryOptions { Randomizer = () => 0.99, RetryWindow = TimeSpan.FromSeconds(seconds) });
        _transport.ThenDrop();
        var started = _time.GetUtcNow();

        await Assert.ThrowsAsync<WebexApiException>(() => _time.RunAsync(sut.GetAsync("c1", null, CancellationToken.None), TimeSpan.FromMilliseconds(100)));

        Assert.InRange(_time.GetUtcNow() - started, TimeSpan.Zero, TimeSpan.FromSeconds(seconds + 0.2));
        Assert.InRange(_transport.Requests[^1].At - started, TimeSpan.FromSeconds(seconds - 0.2), TimeSpan.FromSeconds(seconds + 0.1)); // it kept trying to the end
    }

    [Fact]
    public async Task GatewayErrors_AreRetriedForAsLongAsTheDeadlineAllows_NotUpToACount()
    {
        for (var i = 0; i < 12; i++)
        {
            _transport.Then(HttpStatusCode.ServiceUnavailable);
        }

        _transport.Then(HttpStatusCode.OK, CustomerJson);

        var customer = await _time.RunAsync(_sut.GetAsync("c1", null, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal("c1", customer!.Id);
        Assert.Equal(13, _transport.Requests.Count);
    }

    [Fact]
    public async Task DeadlineWhileWaitingToRetry_IsACancellation_ThatSaysWhatWebexLastAnsweredWithItsTrackingId()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(45), _time);
        _transport.Then(HttpStatusCode.ServiceUnavailable, """{"message": "Service temporarily unavailable", "trackingId": "ROUTER_1234"}""");

        var stopped = await Assert.ThrowsAsync<WebexCallStoppedException>(() => _time.RunAsync(_sut.GetAsync("c1", null, deadline.Token), TimeSpan.FromSeconds(1)));

        Assert.True(_transport.Requests.Count > 2);
        Assert.Equal(deadline.Token, stopped.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.LastAnswer.StatusCode);
        Assert.Equal("ROUTER_1234", stopped.LastAnswer.TrackingId);
        Assert.Contains("HTTP 503 Service Unavailable: Service temporarily unavailable (Webex tracking id ROUTER_1234)", stopped.Message);
        Assert.DoesNotContain("secret-token", stopped.ToString());
    }

    [Fact]
    public async Task DeadlineAfterLostConnections_SaysNoAnswerCame_WithTheTrackingIdSent()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20), _time);
        _transport.ThenDrop();

        var stopped = await Assert.ThrowsAsync<WebexCallStoppedException>(() => _time.RunAsync(_sut.GetAsync("c1", null, deadline.Token), TimeSpan.FromSeconds(1)));

        Assert.Null(stopped.LastAnswer.StatusCode);
        Assert.Contains("no answer from Webex (Connection reset by peer)", stopped.LastAnswer.Message);
        Assert.Equal(_transport.Requests[^1].TrackingId, stopped.LastAnswer.TrackingId);
    }

    [Fact]
    public async Task NoWindow_SendsOnce()
    {
        var sut = ClientWith(new WebexRetryOptions { RetryWindow = TimeSpan.Zero });
        _transport.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, CustomerJson);

        await Assert.ThrowsAsync<WebexApiException>(() => _time.RunAsync(sut.GetAsync("c1", null, CancellationToken.None)));
        Assert.Single(_transport.Requests);
    }

    private WholesaleCustomersClient ClientWith(WebexRetryOptions options) =>
        new(WebexHttp.CreateClient(4, _time, _retries.Add, options, _transport), new Uri("https://webex.test/v1"), "secret-token");

    [Fact]
    public async Task Precheck_IsAPostThatMayBeReplayed()
    {
        _transport.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, """{"message": "success", "info": {"infoCode": 100}}""");

        var result = await _time.RunAsync(_sut.PrecheckAsync(new PrecheckCustomerRequest { Address = Provision.Address }, null, CancellationToken.None));

        Assert.True(result.Success);
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task AttemptThatHangs_TimesOut_AndIsRetriedOnlyWhenIdempotent()
    {
        _transport.ThenHang();

        var post = _time.RunAsync(_sut.ProvisionAsync(Provision, null, CancellationToken.None), TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<WebexApiException>(() => post);
        Assert.Null(error.StatusCode);
        Assert.Single(_transport.Requests);

        _transport.ThenHang().Then(HttpStatusCode.OK, CustomerJson);
        var customer = await _time.RunAsync(_sut.GetAsync("c1", null, CancellationToken.None), TimeSpan.FromSeconds(5));
        Assert.Equal("c1", customer!.Id);
        Assert.Equal(3, _transport.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_StopsAWaitingRetry()
    {
        using var cancellation = new CancellationTokenSource();
        _transport.Then(HttpStatusCode.TooManyRequests, headers: RetryAfterSeconds(30));

        var get = _sut.GetAsync("c1", null, cancellation.Token);
        while (_transport.Requests.Count == 0)
        {
            await Task.Delay(1);
        }

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
        Assert.Single(_transport.Requests);
    }

    [Fact]
    public void RetryRules_IdempotentMethods()
    {
        Assert.True(WebexRetryHandler.IsIdempotent(new HttpRequestMessage(HttpMethod.Get, "http://x")));
        Assert.True(WebexRetryHandler.IsIdempotent(new HttpRequestMessage(HttpMethod.Put, "http://x")));
        Assert.True(WebexRetryHandler.IsIdempotent(new HttpRequestMessage(HttpMethod.Delete, "http://x")));
        Assert.False(WebexRetryHandler.IsIdempotent(new HttpRequestMessage(HttpMethod.Post, "http://x")));
    }

    public void Dispose() => _transport.Dispose();
}
