using System.Net;
using System.Net.Http.Json;
using WebexWholesale.Provider.Webex.Billing;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Contract;

/// <summary>
/// The four billing report operations against Cisco's OpenAPI contract, both ways: what the client sends (the create
/// body, the list's query) and what the simulator answers (a new report, one in progress, completed and failed, a
/// list page, a deletion, a conflict).
/// </summary>
public sealed class BillingContractTests : IAsyncLifetime
{
    private const string Reports = "/wholesale/billing/reports";
    private const string Report = "/wholesale/billing/reports/{id}";

    private SimulatorApi _api = null!;

    public async Task InitializeAsync() => _api = await SimulatorApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static (WholesaleBillingClient Client, FakeWebexTransport Transport) Capture(HttpStatusCode status, string json)
    {
        var time = FakeClock.Create();
        var transport = new FakeWebexTransport(time).Then(status, json);
        return (new WholesaleBillingClient(WebexHttp.CreateClient(1, time, null, null, transport), new Uri("https://webexapis.com/v1"), "t"), transport);
    }

    private static HashSet<string> QueryNames(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => Uri.UnescapeDataString(pair.Split('=')[0])).ToHashSet();

    [ContractFact]
    public async Task CreateBody_WithEveryField_Conforms()
    {
        var (client, transport) = Capture(HttpStatusCode.OK, """{"id": "r1", "billingStartDate": "2026-11-01", "billingEndDate": "2026-11-30", "type": "USER"}""");

        var created = await client.CreateAsync(new CreateBillingReportRequest
        {
            BillingStartDate = "2026-11-01", BillingEndDate = "2026-11-30", Type = BillingReportType.User, SubPartnerOrgId = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x",
        }, CancellationToken.None);

        Assert.Equal("r1", created.Id);
        var sent = transport.Requests.Single();
        await OpenApiContract.AssertRequestConformsAsync(Reports, "post", sent.Body!);
        Assert.Empty(QueryNames(sent.Uri));
    }

    [ContractFact]
    public async Task ListQuery_UsesOnlyDeclaredParameters()
    {
        var (client, transport) = Capture(HttpStatusCode.OK, """{"items": [null, {"id": "r1", "status": "COMPLETED"}]}""");

        var listed = new List<BillingReport>();
        await foreach (var report in client.ListAsync(new BillingReportFilter
        {
            BillingStartDate = "2026-11-01", BillingEndDate = "2026-11-30", Type = "PARTNER", Status = "COMPLETED", SortBy = "status", SubPartnerOrgId = "o1",
        }, CancellationToken.None))
        {
            listed.Add(report);
        }

        Assert.Equal(["r1"], listed.Select(report => report.Id));
        var names = QueryNames(transport.Requests.Single().Uri);
        Assert.Subset(OpenApiContract.Webex.QueryParameters(Reports, "get").ToHashSet(), names);
        Assert.Equal(7, names.Count);
    }

    [ContractFact]
    public async Task EveryStateOfAReport_Conforms()
    {
        using var created = await _api.Http.PostAsync("wholesale/billing/reports",
            SimulatorApi.Json("""{"billingStartDate": "2026-11-01", "billingEndDate": "2026-11-30", "type": "CUSTOMER"}"""));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        await OpenApiContract.AssertResponseConformsAsync(created, Reports, "post");
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;

        using (var inProgress = await _api.Http.GetAsync($"wholesale/billing/reports/{id}"))
        {
            Assert.Contains("IN_PROGRESS", await inProgress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await OpenApiContract.AssertResponseConformsAsync(inProgress, Report, "get");
        }

        await _api.Simulator.AdvanceAsync(31);
        using (var completed = await _api.Http.GetAsync($"wholesale/billing/reports/{id}"))
        {
            Assert.Contains("tempDownloadURL", await completed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await OpenApiContract.AssertResponseConformsAsync(completed, Report, "get");
        }

        using (var list = await _api.Http.GetAsync("wholesale/billing/reports?type=CUSTOMER&max=1"))
        {
            await OpenApiContract.AssertResponseConformsAsync(list, Reports, "get");
        }

        using (var conflict = await _api.Http.PostAsync("wholesale/billing/reports",
                   SimulatorApi.Json("""{"billingStartDate": "2026-11-01", "billingEndDate": "2026-11-30", "type": "CUSTOMER"}""")))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.True(OpenApiContract.Webex.DeclaresStatus(Reports, "post", 409));
        }

        using (var deleted = await _api.Http.DeleteAsync($"wholesale/billing/reports/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            await OpenApiContract.AssertResponseConformsAsync(deleted, Report, "delete");
        }

        using var gone = await _api.Http.GetAsync($"wholesale/billing/reports/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.True(OpenApiContract.Webex.DeclaresStatus(Report, "get", 404));
    }

    [ContractFact]
    public async Task AFailedReport_Conforms_WithItsErrors()
    {
        (await _api.Simulator.Control.PostAsJsonAsync("billing-reports/failures", new { count = 1, description = "No billing data" })).EnsureSuccessStatusCode();
        using var created = await _api.Http.PostAsync("wholesale/billing/reports", SimulatorApi.Json("""{"billingStartDate": "2026-10-01", "billingEndDate": "2026-10-01"}"""));
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        await _api.Simulator.AdvanceAsync(31);

        using var failed = await _api.Http.GetAsync($"wholesale/billing/reports/{id}");
        var body = await failed.Content.ReadAsStringAsync();
        Assert.Contains("\"FAILED\"", body, StringComparison.Ordinal);
        Assert.Contains("No billing data", body, StringComparison.Ordinal);
        Assert.Contains("POINT_IN_TIME", body, StringComparison.Ordinal);
        await OpenApiContract.AssertResponseConformsAsync(failed, Report, "get");
    }

    private sealed record IdOnly(string Id);
}
