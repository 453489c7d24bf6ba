using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WebexWholesale.Exporter;
using WebexWholesale.Exporter.Audit;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Billing;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Exporter;

/// <summary>
/// The audit's subscribers from a point-in-time USER report: its own report read and deleted, one that existed read and
/// kept, a CSV it cannot read or a refusal explained with the way back to the list.
/// </summary>
public sealed class ReportedSubscribersTests
{
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly ScriptedReports _billing = new();
    private string _csv = "customerId,subscriberId,email,package,status\r\nc1,s1,ann@acme.test,webex_calling,provisioned\r\nc1,s1,ann@acme.test,attendant_console,provisioned\r\n";

    private ReportedSubscribers Source()
    {
        var content = new ContentServer(() => _csv);
        return new ReportedSubscribers(_billing, Mock.Of<IWholesaleSubscribersClient>(), new BillingReportDownload(new HttpClient(content)), _time, _ => { });
    }

    [Fact]
    public async Task ItsOwnReport_IsRead_GroupedBySubscriber_AndDeleted()
    {
        var subscribers = await _time.RunAsync(Source().ListAsync(null, CancellationToken.None), TimeSpan.FromSeconds(1));

        var ann = Assert.Single(subscribers);
        Assert.Equal(("s1", "c1", "ann@acme.test"), (ann.Id, ann.CustomerId, ann.Email));
        Assert.Equal(["webex_calling", "attendant_console"], ann.Packages);
        Assert.Equal(["2026-11-23"], _billing.Created.Select(r => r.BillingStartDate));
        Assert.Equal(_billing.Created.Select(r => r.Id), _billing.Deleted);
    }

    [Fact]
    public async Task AReportThatExisted_IsRead_AndKept()
    {
        _billing.Existing = new BillingReport { Id = "theirs", BillingStartDate = "2026-11-23", BillingEndDate = "2026-11-23", Type = "USER", Status = "COMPLETED" };

        await _time.RunAsync(Source().ListAsync(null, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Empty(_billing.Created);
        Assert.Empty(_billing.Deleted);
    }

    [Fact]
    public async Task ACsvWithoutTheColumns_IsOneClearError_AndItsReportIsStillDeleted()
    {
        _csv = "customer,person\r\nc1,ann\r\n";

        var error = await Assert.ThrowsAsync<ExportException>(() => _time.RunAsync(Source().ListAsync(null, CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Contains("has no column subscriberId, customerId, email, package, status (its columns: customer, person)", error.Message, StringComparison.Ordinal);
        Assert.Single(_billing.Deleted);
    }

    [Fact]
    public async Task ARefusal_SaysHowToAuditWithoutTheReport()
    {
        _billing.Refuse = true;

        var error = await Assert.ThrowsAsync<ExportException>(() => Source().ListAsync(null, CancellationToken.None));

        Assert.Contains("run the audit without --subscribers-from-report", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The content server behind a presigned link.</summary>
    private sealed class ContentServer(Func<string> csv) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(csv()) });
    }

    private sealed class ScriptedReports : IWholesaleBillingClient
    {
        public List<BillingReport> Created { get; } = [];
        public List<string> Deleted { get; } = [];
        public BillingReport? Existing { get; set; }
        public bool Refuse { get; set; }

        public Task<BillingReport> CreateAsync(CreateBillingReportRequest request, CancellationToken cancellationToken)
        {
            if (Refuse)
            {
                throw new WebexApiException("create", null, "billing report", HttpStatusCode.BadRequest, new WebexErrorBody { Message = "not for today" }, null);
            }

            var report = new BillingReport { Id = $"r{Created.Count + 1}", BillingStartDate = request.BillingStartDate, BillingEndDate = request.BillingEndDate, Type = request.Type };
            Created.Add(report);
            return Task.FromResult(report);
        }

        public Task<BillingReport?> GetAsync(string reportId, CancellationToken cancellationToken) =>
            Task.FromResult<BillingReport?>(new BillingReport { Id = reportId, Status = "COMPLETED", TempDownloadUrl = "https://content.test/r.csv?Signature=s" });

        public async IAsyncEnumerable<BillingReport> ListAsync(BillingReportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (Existing is { } existing)
            {
                yield return existing;
            }
        }

        public Task<bool> DeleteAsync(string reportId, CancellationToken cancellationToken)
        {
            Deleted.Add(reportId);
            return Task.FromResult(true);
        }
    }
}
