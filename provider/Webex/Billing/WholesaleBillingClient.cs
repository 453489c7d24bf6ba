using System.Net;

namespace WebexWholesale.Provider.Webex.Billing;

/// <summary>HTTP client of the Wholesale Billing Reports API, through the same <see cref="WebexRequests"/> (and pipeline) as customers.</summary>
public sealed class WholesaleBillingClient(HttpClient http, Uri baseUrl, string accessToken) : IWholesaleBillingClient
{
    private const string ReportsPath = "wholesale/billing/reports";

    private readonly WebexRequests _requests = new(http, baseUrl, accessToken, "billing report");

    public async Task<BillingReport> CreateAsync(CreateBillingReportRequest request, CancellationToken cancellationToken)
    {
        var subject = $"{request.Type ?? BillingReportType.Partner} {request.BillingStartDate}..{request.BillingEndDate}";
        using var response = await _requests.SendAsync(HttpMethod.Post, _requests.Url(ReportsPath),
            WebexRequests.Json(request, WebexBillingJson.Default.CreateBillingReportRequest), "create", subject, cancellationToken);
        return await ReportFromAsync(response, "create", subject, cancellationToken);
    }

    public async Task<BillingReport?> GetAsync(string reportId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Get, ReportUrl(reportId), content: null, "read", reportId, cancellationToken, acceptNotFound: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReportFromAsync(response, "read", reportId, cancellationToken);
    }

    public IAsyncEnumerable<BillingReport> ListAsync(BillingReportFilter filter, CancellationToken cancellationToken) =>
        _requests.ListAllAsync<BillingReportListPage, BillingReport>(ReportsPath,
            [
                ("billingStartDate", filter.BillingStartDate), ("billingEndDate", filter.BillingEndDate), ("type", filter.Type), ("status", filter.Status),
                ("sortBy", filter.SortBy), ("subPartnerOrgId", filter.SubPartnerOrgId), ("max", "100"),
            ],
            WebexBillingJson.Default.BillingReportListPage,
            page => page?.Items?.OfType<BillingReport>().Where(report => !string.IsNullOrEmpty(report.Id)).ToList(),
            "list billing reports", subject: null, cancellationToken);

    public async Task<bool> DeleteAsync(string reportId, CancellationToken cancellationToken)
    {
        using var response = await _requests.SendAsync(HttpMethod.Delete, ReportUrl(reportId), content: null, "delete", reportId, cancellationToken, acceptNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private async Task<BillingReport> ReportFromAsync(HttpResponseMessage response, string operation, string subject, CancellationToken cancellationToken) =>
        await _requests.ReadAsync(response, WebexBillingJson.Default.BillingReport, operation, subject, cancellationToken) is { Id.Length: > 0 } report
            ? report
            : throw new WebexApiException(operation, subject, "billing report", response.StatusCode,
                new WebexErrorBody { Message = "Webex answered success without the report's id" }, WebexRequests.TrackingIdOf(response), kind: WebexErrorKind.Unreadable);

    private Uri ReportUrl(string reportId) => _requests.Url($"{ReportsPath}/{Uri.EscapeDataString(reportId)}");
}
