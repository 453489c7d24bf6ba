using System.Text.Json.Serialization;

namespace WebexWholesale.Provider.Webex.Billing;

// Request and response bodies of the Wholesale Billing Reports API, named as in Cisco's OpenAPI contract. Types,
// categories and statuses stay strings: a value Webex adds later is shown, not refused.

/// <summary>The report types (<c>type</c>): totals per package, per customer, or per subscriber.</summary>
public static class BillingReportType
{
    public const string Partner = "PARTNER";
    public const string Customer = "CUSTOMER";
    public const string User = "USER";

    public static readonly IReadOnlyList<string> All = [Partner, Customer, User];
}

/// <summary>
/// The report categories (<c>category</c>): a reconciliation of a period, or what is billed on one day. The create
/// body has no category; Webex decides it, and a report whose period is one day is a point-in-time report.
/// </summary>
public static class BillingReportCategory
{
    public const string Reconciliation = "RECONCILIATION";
    public const string PointInTime = "POINT_IN_TIME";
}

/// <summary>The report statuses: generated asynchronously, IN_PROGRESS until COMPLETED or FAILED.</summary>
public static class BillingReportStatus
{
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";

    public static readonly IReadOnlyList<string> All = [InProgress, Completed, Failed];
}

/// <summary>Body of <c>POST /wholesale/billing/reports</c>.</summary>
public sealed record CreateBillingReportRequest
{
    public required string BillingStartDate { get; init; }
    public required string BillingEndDate { get; init; }
    public string? Type { get; init; }
    public string? SubPartnerOrgId { get; init; }
}

/// <summary>
/// A billing report as Webex returns it: the POST's answer (id, period, type, category), a list item, or the whole
/// report of <c>GET /wholesale/billing/reports/{id}</c> with its status, errors and download link.
/// </summary>
public sealed record BillingReport
{
    public required string Id { get; init; }
    public string? BillingStartDate { get; init; }
    public string? BillingEndDate { get; init; }
    public string? Type { get; init; }
    public string? Category { get; init; }
    public string? Created { get; init; }
    public string? CreatedBy { get; init; }
    public string? Status { get; init; }

    /// <summary>A presigned link to the CSV on another origin, valid for a short time; never sent the token.</summary>
    [JsonPropertyName("tempDownloadURL")]
    public string? TempDownloadUrl { get; init; }

    public IReadOnlyList<BillingReportError>? Errors { get; init; }
}

/// <summary>An error of the asynchronous generation (<c>code</c> is a number in the contract).</summary>
public sealed record BillingReportError
{
    public double? Code { get; init; }
    public string? Description { get; init; }

    public override string ToString() => Code is { } code ? $"{code:0} {Description}".Trim() : Description ?? "";
}

/// <summary>The filters of <c>GET /wholesale/billing/reports</c>; null leaves one out.</summary>
public sealed record BillingReportFilter
{
    public string? BillingStartDate { get; init; }
    public string? BillingEndDate { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? SortBy { get; init; }
    public string? SubPartnerOrgId { get; init; }
}

public sealed record BillingReportListPage
{
    public IReadOnlyList<BillingReport?>? Items { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CreateBillingReportRequest))]
[JsonSerializable(typeof(BillingReport))]
[JsonSerializable(typeof(BillingReportListPage))]
internal sealed partial class WebexBillingJson : JsonSerializerContext;
