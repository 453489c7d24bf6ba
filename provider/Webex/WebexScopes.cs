namespace WebexWholesale.Provider.Webex;

/// <summary>
/// The Webex token scopes each use needs: the one list that help texts, error messages, the README and the GitOps
/// examples name (a test compares them with it).
/// </summary>
public static class WebexScopes
{
    public const string CustomersRead = "spark-admin:wholesale_customers_read";
    public const string CustomersWrite = "spark-admin:wholesale_customers_write";
    public const string SubscribersRead = "spark-admin:wholesale_subscribers_read";
    public const string SubscribersWrite = "spark-admin:wholesale_subscribers_write";
    public const string SubPartnersRead = "spark-admin:wholesale_sub_partners_read";
    public const string BillingReportsRead = "spark-admin:wholesale_billing_reports_read";
    public const string BillingReportsWrite = "spark-admin:wholesale_billing_reports_write";

    /// <summary>Reading the fleet: a refresh, a drift check, an export.</summary>
    public static readonly IReadOnlyList<string> ToRead = [CustomersRead, SubscribersRead];

    /// <summary>Deploying the fleet: creating, changing and removing customers and subscribers.</summary>
    public static readonly IReadOnlyList<string> ToDeploy = [CustomersRead, CustomersWrite, SubscribersRead, SubscribersWrite];

    /// <summary>Billing reports: creating and deleting them (a WholesaleBillingReport), and reading them.</summary>
    public static readonly IReadOnlyList<string> ToReport = [BillingReportsRead, BillingReportsWrite];

    /// <summary>An audit that reads subscribers from a point-in-time USER report instead of the subscriber list.</summary>
    public static readonly IReadOnlyList<string> ToAuditFromReport = [CustomersRead, BillingReportsRead, BillingReportsWrite];

    /// <summary>"a, b and c", for a sentence.</summary>
    public static string Listed(IReadOnlyList<string> scopes) =>
        scopes.Count == 1 ? scopes[0] : $"{string.Join(", ", scopes.Take(scopes.Count - 1))} and {scopes[^1]}";
}
