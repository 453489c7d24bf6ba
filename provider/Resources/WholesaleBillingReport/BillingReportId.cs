namespace WebexWholesale.Provider.Resources.WholesaleBillingReport;

/// <summary>Webex billing report ids (<see cref="WebexId"/>).</summary>
public static class BillingReportId
{
    private const string Example = "Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzVi";

    public static string? Problem(string id) => WebexId.Problem(id, "billing report", Example);

    public static void Require(string id) => WebexId.Require(id, "billing report", Example);
}
