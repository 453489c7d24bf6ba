using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Resources.WholesaleBillingReport;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Billing;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Resources.WholesaleBillingReport;

/// <summary>
/// A billing report's lifecycle against a scripted Webex: generation that takes time, answers lost in transit, a
/// report somebody else holds, failures with odd errors, statuses Webex never documented. Nobody's report is recorded
/// as this stack's, a failed one is not left behind, and a timeout records what exists.
/// </summary>
public sealed class WholesaleBillingReportLifecycleTests : IDisposable
{
    private const string Urn = "urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleBillingReport::november";
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly ScriptedBilling _webex;
    private readonly ConfiguredProvider _provider;
    private readonly List<string> _statuses = [];
    private readonly WholesaleBillingReportResource _sut = new();

    public WholesaleBillingReportLifecycleTests()
    {
        _webex = new ScriptedBilling(_time);
        _provider = ConfiguredProvider.ForClient(Mock.Of<IWholesaleCustomersClient>(), new ProviderSettings(new Uri("https://webex.test/v1"), "t", 4), _time,
            billing: _webex);
    }

    public void Dispose() => _provider.Dispose();

    private static readonly WholesaleBillingReportInputs November =
        new() { BillingStartDate = "2026-11-01", BillingEndDate = "2026-11-30", Type = BillingReportType.Customer };

    private ResourceContext Context()
    {
        var log = new Mock<IResourceLog>();
        log.Setup(l => l.StatusAsync(It.IsAny<string>())).Callback<string>(_statuses.Add).Returns(Task.CompletedTask);
        return new ResourceContext(Urn, "november", _provider, log.Object, _time, CancellationToken.None);
    }

    private Task<(string Id, ResourceState<WholesaleBillingReportInputs, WholesaleBillingReportOutputs> State)> CreateAsync(TimeSpan? timeout = null) =>
        _time.RunAsync(_sut.CreateAsync(November, timeout ?? TimeSpan.FromMinutes(10), Context()), TimeSpan.FromSeconds(1));

    [Fact]
    public async Task Create_WaitsUntilCompleted_ShowingProgress()
    {
        _webex.GenerationTime = TimeSpan.FromSeconds(20);

        var (id, state) = await CreateAsync();

        Assert.Equal(_webex.Reports.Single().Id, id);
        Assert.Equal(BillingReportStatus.Completed, state.Outputs.Status);
        Assert.StartsWith("https://content.test/", state.Outputs.TempDownloadUrl, StringComparison.Ordinal);
        Assert.Contains(_statuses, status => status.StartsWith("Webex is generating the CUSTOMER billing report for 2026-11-01..2026-11-30 (IN_PROGRESS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReportSomebodyElseHolds_IsRefusedWithBothCommands_WithoutAPost()
    {
        var holder = _webex.Hold(November);

        var error = await Assert.ThrowsAsync<ProviderException>(() => CreateAsync());

        Assert.Equal(ProviderErrorKind.Conflict, error.Kind);
        Assert.Contains($"\n    pulumi import {WholesaleBillingReportResource.TypeToken} november {holder.Id}\n", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\n    pulumi refresh --import-pending-creates '{Urn}' {holder.Id}\n", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _webex.Posts);
    }

    [Fact]
    public async Task ALostAnswer_AfterWebexMadeTheReport_RecordsThatOne_AndPostsOnce()
    {
        _webex.LoseAnswers = 1;

        var (id, _) = await CreateAsync();

        Assert.Equal(_webex.Reports.Single().Id, id);
        Assert.Equal(1, _webex.Posts);
    }

    [Fact]
    public async Task ALostRequest_ThatMadeNothing_IsSentAgain_AndMakesOneReport()
    {
        _webex.DropRequests = 1;

        var (id, _) = await CreateAsync();

        Assert.Equal(_webex.Reports.Single().Id, id);
        Assert.Equal(2, _webex.Posts);
    }

    [Fact]
    public async Task AConflict_FromTheHttpStacksOwnResend_AdoptsTheReportThatNowExists()
    {
        _webex.ResendAs409 = true; // the first POST made the report, its connection broke, the resend met a 409

        var (id, _) = await CreateAsync();

        Assert.Equal(_webex.Reports.Single().Id, id);
    }

    [Fact]
    public async Task AFailedReport_IsAClearError_WithWebexsReasons_AndIsDeleted()
    {
        _webex.FailWith = [null!, new BillingReportError { Code = 2024, Description = "Keine Abrechnungsdaten für Zürich \u202Egnp.exe" }, new BillingReportError()];

        var error = await Assert.ThrowsAsync<ProviderException>(() => CreateAsync());

        Assert.Contains("Webex could not generate the CUSTOMER billing report for 2026-11-01..2026-11-30: 2024 Keine Abrechnungsdaten für Zürich", error.Message,
            StringComparison.Ordinal);
        Assert.Contains("The failed report was deleted", error.Message, StringComparison.Ordinal);
        Assert.Empty(_webex.Reports);
    }

    [Fact]
    public async Task AFailedReport_ThatCannotBeDeleted_IsRecorded_SoNothingIsOrphaned()
    {
        _webex.FailWith = [new BillingReportError { Description = "no data" }];
        _webex.DeleteFails = true;

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>>(() => CreateAsync());

        Assert.Equal(_webex.Reports.Single().Id, error.Id);
        Assert.Equal(BillingReportStatus.Failed, error.State.Outputs.Status);
        Assert.Contains("pulumi up --replace", error.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimeout_RecordsTheReportAsLastSeen_AndTheNextUpdateWaitsOn()
    {
        _webex.GenerationTime = TimeSpan.FromMinutes(30);

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>>(
            () => CreateAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(_webex.Reports.Single().Id, error.Id);
        Assert.Equal(BillingReportStatus.InProgress, error.State.Outputs.Status);
        Assert.Contains("timed out after 1m", error.Reasons[0], StringComparison.Ordinal);

        var updated = await _time.RunAsync(_sut.UpdateAsync(error.Id, error.State, November, November, TimeSpan.FromHours(1), Context()), TimeSpan.FromSeconds(10));
        Assert.Equal(BillingReportStatus.Completed, updated.Outputs.Status);
    }

    [Fact]
    public async Task AStatusWebexNeverDocumented_IsWaitedOn_AndShownShortened_NeverTakenForDone()
    {
        _webex.OddStatus = "QUEUED" + new string('x', 500);

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>>(
            () => CreateAsync(TimeSpan.FromMinutes(1)));

        Assert.StartsWith("QUEUED", error.State.Outputs.Status, StringComparison.Ordinal);
        Assert.All(_statuses, status => Assert.True(status.Length < 300, status));
    }

    [Fact]
    public async Task Read_KeepsWhatWebexDoesNotReturn_AndAGoneReportIsNull()
    {
        var held = _webex.Hold(November with { SubPartnerOrgId = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x" });
        var old = November with { SubPartnerOrgId = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x" };

        var read = await _sut.ReadAsync(held.Id, old, null, Context());

        Assert.Equal(old, read!.Inputs);
        Assert.Null(await _sut.ReadAsync("Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JUL2dvbmU", old, null, Context()));
        await _sut.DeleteAsync("Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JUL2dvbmU", read.State, old, null, Context()); // already gone: done
        await Assert.ThrowsAsync<ProviderException>(() => _sut.ReadAsync("not an id!", old, null, Context()));
    }

    /// <summary>A Webex billing API that generates reports in simulated time and misbehaves on request.</summary>
    private sealed class ScriptedBilling(FakeTimeProvider time) : IWholesaleBillingClient
    {
        private int _next;

        public List<(BillingReport Report, DateTimeOffset ReadyAt, WholesaleBillingReportInputs Inputs)> Held { get; } = [];
        public IEnumerable<BillingReport> Reports => Held.Select(held => held.Report);
        public TimeSpan GenerationTime { get; set; } = TimeSpan.FromSeconds(3);
        public int Posts { get; private set; }
        public int LoseAnswers { get; set; }
        public int DropRequests { get; set; }
        public bool ResendAs409 { get; set; }
        public bool DeleteFails { get; set; }
        public IReadOnlyList<BillingReportError>? FailWith { get; set; }
        public string? OddStatus { get; set; }

        public BillingReport Hold(WholesaleBillingReportInputs inputs)
        {
            var report = new BillingReport
            {
                Id = $"Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULz{++_next}", BillingStartDate = inputs.BillingStartDate, BillingEndDate = inputs.BillingEndDate,
                Type = inputs.Type, Category = BillingReportCategory.Reconciliation, Created = time.GetUtcNow().ToString("O"), Status = BillingReportStatus.InProgress,
            };
            Held.Add((report, time.GetUtcNow() + GenerationTime, inputs));
            return report;
        }

        private static WebexApiException NoAnswer() =>
            new("create", null, "billing report", null, null, null, new HttpRequestException("connection reset"), WebexErrorKind.Unavailable);

        public Task<BillingReport> CreateAsync(CreateBillingReportRequest request, CancellationToken cancellationToken)
        {
            Posts++;
            if (DropRequests > 0)
            {
                DropRequests--;
                throw NoAnswer();
            }

            var report = Hold(new WholesaleBillingReportInputs
            {
                BillingStartDate = request.BillingStartDate, BillingEndDate = request.BillingEndDate, Type = request.Type, SubPartnerOrgId = request.SubPartnerOrgId,
            });
            if (ResendAs409)
            {
                throw new WebexApiException("create", null, "billing report", System.Net.HttpStatusCode.Conflict,
                    new WebexErrorBody { Message = "A report for this period exists." }, null);
            }

            if (LoseAnswers > 0)
            {
                LoseAnswers--;
                throw NoAnswer();
            }

            return Task.FromResult(report);
        }

        public Task<BillingReport?> GetAsync(string reportId, CancellationToken cancellationToken)
        {
            var held = Held.FirstOrDefault(h => h.Report.Id == reportId);
            if (held.Report is null)
            {
                return Task.FromResult<BillingReport?>(null);
            }

            var ready = time.GetUtcNow() >= held.ReadyAt;
            var report = OddStatus is { } odd ? held.Report with { Status = odd }
                : !ready ? held.Report
                : FailWith is { } errors ? held.Report with { Status = BillingReportStatus.Failed, Errors = errors }
                : held.Report with { Status = BillingReportStatus.Completed, TempDownloadUrl = $"https://content.test/{reportId}.csv?Signature=s" };
            return Task.FromResult<BillingReport?>(report);
        }

        public async IAsyncEnumerable<BillingReport> ListAsync(BillingReportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var (report, _, inputs) in Held.ToList())
            {
                if (report.BillingStartDate == filter.BillingStartDate && report.BillingEndDate == filter.BillingEndDate && report.Type == filter.Type &&
                    inputs.SubPartnerOrgId == filter.SubPartnerOrgId)
                {
                    yield return report;
                }
            }
        }

        public Task<bool> DeleteAsync(string reportId, CancellationToken cancellationToken) =>
            DeleteFails
                ? throw new WebexApiException("delete", reportId, "billing report", System.Net.HttpStatusCode.ServiceUnavailable, null, null)
                : Task.FromResult(Held.RemoveAll(h => h.Report.Id == reportId) > 0);
    }
}
