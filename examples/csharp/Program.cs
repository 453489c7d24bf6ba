using System.Globalization;
using Pulumi;
using Pulumi.WebexWholesale;
using WebexWholesaleFleet;

return await Deployment.RunAsync(() =>
{
    var statuses = FleetResources.Declare(FleetFile.Load(Path.Combine(AppContext.BaseDirectory, "customers.yaml")));

    var inTrouble = GetWholesaleCustomers.Invoke(new GetWholesaleCustomersInvokeArgs { Status = { "error", "provisioned_with_errors" } });
    statuses["customersInTrouble"] = inTrouble.Apply(result => result.Customers.Select(c => c.ExternalId).ToList());

    // Last month's bill, per customer, to reconcile the invoice with: the first deployment of a month replaces it with
    // the new month's (the period is an input). Its CSV link is secret: `pulumi stack output lastMonthsBill --show-secrets`.
    var month = DateTime.UtcNow.AddMonths(-1);
    var bill = new WholesaleBillingReport("last-month", new WholesaleBillingReportArgs
    {
        BillingStartDate = month.ToString("yyyy-MM-01", CultureInfo.InvariantCulture),
        BillingEndDate = new DateTime(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Type = "CUSTOMER",
    });
    statuses["lastMonthsBill"] = bill.TempDownloadUrl;
    return statuses;
});
