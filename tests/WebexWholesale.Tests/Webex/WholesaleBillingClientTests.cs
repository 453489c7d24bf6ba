using System.Net;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Billing;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Webex;

/// <summary>The billing client against hostile or broken answers: nothing is guessed, a lost POST is never sent again by the client, the token stays home.</summary>
public class WholesaleBillingClientTests
{
    private static (WholesaleBillingClient Client, FakeWebexTransport Transport) Client(Func<FakeWebexTransport, FakeWebexTransport> script)
    {
        var time = FakeClock.Create();
        var transport = script(new FakeWebexTransport(time));
        return (new WholesaleBillingClient(WebexHttp.CreateClient(1, time, null, null, transport), new Uri("https://webexapis.com/v1"), "secret-token"), transport);
    }

    private static readonly CreateBillingReportRequest November = new() { BillingStartDate = "2026-11-01", BillingEndDate = "2026-11-30" };

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"id": ""}""")]
    [InlineData("""{"id": null}""")]
    [InlineData("[1, 2]")]
    [InlineData("<html>proxy</html>")]
    public async Task ASuccessWithoutAnId_IsUnreadable_NeverAReport(string body)
    {
        var (client, _) = Client(t => t.Then(HttpStatusCode.OK, body));

        var error = await Assert.ThrowsAsync<WebexApiException>(() => client.CreateAsync(November, CancellationToken.None));

        Assert.Equal(WebexErrorKind.Unreadable, error.Kind);
    }

    [Fact]
    public async Task ALostPost_IsNotSentAgainByTheClient_TheResourceDecides()
    {
        var (client, transport) = Client(t => t.ThenDrop().Then(HttpStatusCode.OK, """{"id": "r1"}"""));

        var error = await Assert.ThrowsAsync<WebexApiException>(() => client.CreateAsync(November, CancellationToken.None));

        Assert.Equal(WebexErrorKind.Unavailable, error.Kind);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task AReport_WithNullErrors_NumbersAsText_AndUnicode_IsRead()
    {
        var (client, _) = Client(t => t.Then(HttpStatusCode.OK,
            """{"id": "r1", "status": "FAILED", "errors": [null, {"code": "2024", "description": "Zürich \u5317\u4eac"}], "tempDownloadURL": null}"""));

        var report = await client.GetAsync("r1", CancellationToken.None);

        Assert.Equal("2024 Zürich 北京", report!.Errors!.OfType<BillingReportError>().Single().ToString());
    }

    [Fact]
    public async Task AListThatLinksAnotherOrigin_StopsThere_AndTheTokenNeverGoesThere()
    {
        var (client, transport) = Client(t => t.Then(HttpStatusCode.OK, """{"items": [{"id": "r1"}]}""",
            response => response.Headers.Add("Link", "<https://evil.example/v1/wholesale/billing/reports?offset=1>; rel=\"next\"")));

        var error = await Assert.ThrowsAsync<WebexApiException>(async () =>
        {
            await foreach (var _ in client.ListAsync(new BillingReportFilter(), CancellationToken.None))
            {
            }
        });

        Assert.Contains("leads outside", error.Message, StringComparison.Ordinal);
        Assert.All(transport.Requests, request => Assert.Equal("webexapis.com", request.Uri.Host));
        Assert.DoesNotContain("secret-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANotFound_IsNullOnGet_AndFalseOnDelete()
    {
        var (client, _) = Client(t => t.Then(HttpStatusCode.NotFound, """{"message": "Billing Report not found."}""").Then(HttpStatusCode.NotFound));

        Assert.Null(await client.GetAsync("r1", CancellationToken.None));
        Assert.False(await client.DeleteAsync("r1", CancellationToken.None));
    }
}
