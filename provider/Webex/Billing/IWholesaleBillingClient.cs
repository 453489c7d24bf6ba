namespace WebexWholesale.Provider.Webex.Billing;

/// <summary>
/// The Webex Wholesale Billing Reports API (<see href="https://developer.webex.com/docs/api/v1/wholesale-billing-reports"/>):
/// reports are generated asynchronously after the POST, IN_PROGRESS until COMPLETED or FAILED.
/// </summary>
public interface IWholesaleBillingClient
{
    /// <summary><c>POST /wholesale/billing/reports</c>: the new report's id, period, type and category (409 when one exists for the period and type).</summary>
    Task<BillingReport> CreateAsync(CreateBillingReportRequest request, CancellationToken cancellationToken);

    /// <summary><c>GET /wholesale/billing/reports/{id}</c>; null when Webex answers 404.</summary>
    Task<BillingReport?> GetAsync(string reportId, CancellationToken cancellationToken);

    /// <summary><c>GET /wholesale/billing/reports</c>, following every page.</summary>
    IAsyncEnumerable<BillingReport> ListAsync(BillingReportFilter filter, CancellationToken cancellationToken);

    /// <summary><c>DELETE /wholesale/billing/reports/{id}</c> (204): false when it was already gone.</summary>
    Task<bool> DeleteAsync(string reportId, CancellationToken cancellationToken);
}
