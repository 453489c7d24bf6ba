using System.Net;
using Microsoft.Extensions.Time.Testing;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Webex;

public sealed class WholesaleCustomersClientTests : IDisposable
{
    private const string Token = "s3cr3t-token-value";
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly FakeWebexTransport _transport;
    private readonly WholesaleCustomersClient _sut;

    public WholesaleCustomersClientTests()
    {
        _transport = new FakeWebexTransport(_time);
        _sut = new WholesaleCustomersClient(WebexHttp.CreateClient(4, _time, null, new WebexRetryOptions { Randomizer = () => 0.5 }, _transport),
            new Uri("https://webex.test/v1"), Token);
    }

    private static readonly ProvisionCustomerRequest Provision = new()
    {
        ProvisioningId = "p", Packages = ["webex_meetings"], ExternalId = "ext-1",
        Address = new CustomerAddress { AddressLine1 = "1 Main St", City = "Springfield", Country = "US" },
        CustomerInfo = new CustomerInfo { Name = "Acme", PrimaryEmail = "it@acme.test" },
    };

    [Fact]
    public async Task EveryRequest_CarriesTheBearerTokenAndOurTrackingId()
    {
        _transport.Then(HttpStatusCode.OK, """{"id": "c1"}""");

        await _sut.GetAsync("c1", null, CancellationToken.None);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal($"Bearer {Token}", request.Authorization);
        Assert.StartsWith("PULUMI-WEBEX-WHOLESALE_", request.TrackingId);
    }

    [Fact]
    public async Task Provision_TakesTheIdFromLocation()
    {
        _transport.Then(HttpStatusCode.Accepted, """{"url": "https://webex.test/v1/wholesale/customers/from-body"}""",
            r => r.Headers.Location = new Uri("https://webex.test/v1/wholesale/customers/from-location"));

        Assert.Equal("from-location", await _sut.ProvisionAsync(Provision, null, CancellationToken.None));
        var sent = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://webex.test/v1/wholesale/customers", sent.Uri.AbsoluteUri);
        Assert.Contains("\"externalId\":\"ext-1\"", sent.Body);
        Assert.DoesNotContain("null", sent.Body);
    }

    [Fact]
    public async Task Provision_FallsBackToTheBodyUrl()
    {
        _transport.Then(HttpStatusCode.Accepted, """{"url": "https://webex.test/v1/wholesale/customers/from-body"}""");

        Assert.Equal("from-body", await _sut.ProvisionAsync(Provision, null, CancellationToken.None));
    }

    [Theory]
    [InlineData("https://webexapis.com/v1/wholesale/customers/Y2lz", "Y2lz")]
    [InlineData("https://webexapis.com/v1/wholesale/customers/Y2lz/", "Y2lz")]
    [InlineData("/v1/wholesale/customers/abc?x=1", "abc")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void CustomerIdFrom_TakesTheLastPathSegment(string? location, string? expected) =>
        Assert.Equal(expected, WholesaleCustomersClient.CustomerIdFrom(location));

    [Fact]
    public async Task Get_NotFound_IsNull()
    {
        _transport.Then(HttpStatusCode.NotFound, """{"message": "not found"}""");

        Assert.Null(await _sut.GetAsync("gone", null, CancellationToken.None));
    }

    [Fact]
    public async Task Get_KeepsStatusesAndPackagesItDoesNotKnow()
    {
        _transport.Then(HttpStatusCode.OK, """
            {"id": "c1", "status": "quantum_pending", "packages": ["webex_hologram"],
             "resourceDetails": {"packages": [{"name": "webex_hologram", "status": "warping", "warnings": [{"errorCode": 2560, "description": "maintenance"}]}]}}
            """);

        var customer = await _sut.GetAsync("c1", null, CancellationToken.None);

        Assert.Equal("quantum_pending", customer!.Status);
        Assert.Equal(["webex_hologram"], customer.Packages!);
        Assert.Equal("warping", customer.ResourceDetails!.Packages![0].Status);
        Assert.Equal(2560, customer.ResourceDetails.Packages[0].Warnings![0].ErrorCode);
    }

    [Fact]
    public async Task Remove_NotFound_MeansAlreadyGone()
    {
        _transport.Then(HttpStatusCode.NotFound);

        Assert.False(await _sut.RemoveAsync("gone", null, CancellationToken.None));
    }

    [Fact]
    public async Task SubPartnerContext_IsSentAsAQueryParameter()
    {
        _transport.Then(HttpStatusCode.Accepted);

        await _sut.UpdateAsync("c 1", new UpdateCustomerRequest { Packages = ["webex_meetings"] }, "sub/partner", CancellationToken.None);

        Assert.Equal("https://webex.test/v1/wholesale/customers/c%201?onBehalfOfSubPartnerOrgId=sub%2Fpartner",
            Assert.Single(_transport.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task List_FollowsNextLinks_AndPutsBackFiltersTheLinkDropped()
    {
        _transport
            .Then(HttpStatusCode.OK, """{"items": [{"id": "a"}, {"id": "b"}]}""",
                r => r.Headers.TryAddWithoutValidation("Link", "<https://webex.test/v1/wholesale/customers?max=2&offset=2>; rel=\"next\""))
            .Then(HttpStatusCode.OK, """{"items": [{"id": "c"}]}""");

        var ids = new List<string>();
        await foreach (var customer in _sut.ListAsync(new CustomerListFilter { Status = ["provisioned", "error"], PageSize = 2 }, null, CancellationToken.None))
        {
            ids.Add(customer.Id);
        }

        Assert.Equal(["a", "b", "c"], ids);
        Assert.Equal("?max=2&status=provisioned&status=error", _transport.Requests[0].Uri.Query);
        Assert.Equal("?max=2&offset=2&status=provisioned&status=error", _transport.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task List_ThatLinksBackToAPageAlreadyRead_EndsWithAClearError_NotALoop()
    {
        _transport.Then(HttpStatusCode.OK, """{"items": [{"id": "a"}]}""",
                r => r.Headers.TryAddWithoutValidation("Link", "<https://webex.test/v1/wholesale/customers?offset=1>; rel=\"next\""))
            .Then(HttpStatusCode.OK, """{"items": [{"id": "b"}]}""",
                r => r.Headers.TryAddWithoutValidation("Link", "<https://webex.test/v1/wholesale/customers?offset=1>; rel=\"next\""));

        var ids = new List<string>();
        var error = await Assert.ThrowsAsync<WebexApiException>(async () =>
        {
            await foreach (var customer in _sut.ListAsync(new CustomerListFilter(), null, CancellationToken.None))
            {
                ids.Add(customer.Id);
            }
        });

        Assert.Equal(["a"], ids);
        Assert.Contains("leads back to a page already read", error.Message);
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task Failure_NamesOperationCustomerWebexMessageAndTrackingId_NeverTheToken()
    {
        _transport.Then(HttpStatusCode.BadRequest, """
            {"message": "Validation failed", "errors": [{"errorCode": 10022, "description": "The email is already associated with an existing user."}],
             "trackingId": "ROUTER_123"}
            """);

        var error = await Assert.ThrowsAsync<WebexApiException>(() => _sut.ProvisionAsync(Provision, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("ROUTER_123", error.TrackingId);
        Assert.Equal(10022, error.Errors.Single().ErrorCode);
        Assert.Equal(
            "provision of customer ext-1 failed: HTTP 400 Bad Request: Validation failed; The email is already associated with an existing user. (code 10022) (Webex tracking id ROUTER_123)",
            error.Message);
        Assert.DoesNotContain(Token, error.ToString());
    }

    [Fact]
    public async Task Failure_WithoutABody_UsesOurTrackingId()
    {
        _transport.Then(HttpStatusCode.Unauthorized, "<html>nope</html>");

        var error = await Assert.ThrowsAsync<WebexApiException>(() => _sut.GetAsync("c1", null, CancellationToken.None));

        Assert.StartsWith("PULUMI-WEBEX-WHOLESALE_", error.TrackingId);
        Assert.Contains("read of customer c1 failed: HTTP 401 Unauthorized", error.Message);
        Assert.Equal(WebexErrorKind.Unauthorized, error.Kind);
    }

    [Fact]
    public async Task Precheck_AcceptsInfoAsObject()
    {
        _transport.Then(HttpStatusCode.OK, """{"message": "success", "info": {"infoCode": 100, "description": "ok"}}""");

        var result = await _sut.PrecheckAsync(new PrecheckCustomerRequest { Address = Provision.Address }, null, CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(100, Assert.Single(result.Info).InfoCode);
    }

    [Fact]
    public async Task Precheck_AcceptsInfoAsList()
    {
        _transport.Then(HttpStatusCode.OK, """{"message": "success", "info": [{"infoCode": 100}, {"infoCode": 2560, "description": "maintenance"}]}""");

        var result = await _sut.PrecheckAsync(new PrecheckCustomerRequest { Address = Provision.Address }, null, CancellationToken.None);

        Assert.Equal([100.0, 2560.0], result.Info.Select(i => i.InfoCode!.Value));
    }

    [Fact]
    public async Task Precheck_ValidationFailure_IsAResultNotAnException()
    {
        _transport.Then(HttpStatusCode.BadRequest, """{"message": "failed", "errors": [{"errorCode": 10022, "description": "email in use"}], "trackingId": "T1"}""");

        var result = await _sut.PrecheckAsync(new PrecheckCustomerRequest { Address = Provision.Address }, null, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal("T1", result.TrackingId);
        Assert.Equal("email in use", Assert.Single(result.Errors).Description);
    }

    [Fact]
    public async Task ConcurrencyCap_LimitsRequestsInFlight()
    {
        var inFlight = 0;
        var peak = 0;
        var release = new TaskCompletionSource();
        _transport.Then(async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await release.Task;
            Interlocked.Decrement(ref inFlight);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id": "x"}""") };
        });

        var calls = Enumerable.Range(0, 10).Select(i => _sut.GetAsync($"c{i}", null, CancellationToken.None)).ToList();
        while (Volatile.Read(ref inFlight) < 4)
        {
            await Task.Delay(1);
        }

        await Task.Delay(20);
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(4, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public void Dispose() => _transport.Dispose();
}
