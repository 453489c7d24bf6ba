using System.Text.Json.Serialization;
using WebexWholesale.Provider.Resources.Schema;
using WebexWholesale.Provider.Resources.WholesaleCustomer;

namespace WebexWholesale.Provider.Resources.WholesaleBillingReport;

/// <summary>
/// The inputs of <c>webex-wholesale:index:WholesaleBillingReport</c>, named as in the Webex API. Webex cannot change a
/// report, so every input replaces it (the old one is deleted first: Webex keeps one report per period and type).
/// </summary>
public sealed record WholesaleBillingReportInputs
{
    /// <summary>The first day of the billing period (<c>YYYY-MM-DD</c>). A change replaces the report. Example: <c>2026-11-01</c>.</summary>
    [Required, ReplaceOnChanges]
    public string? BillingStartDate { get; init; }

    /// <summary>The last day of the billing period (<c>YYYY-MM-DD</c>, not before the start); a period of one day gives a point-in-time report. A change replaces the report. Example: <c>2026-11-30</c>.</summary>
    [Required, ReplaceOnChanges]
    public string? BillingEndDate { get; init; }

    /// <summary>What the report lists: <c>PARTNER</c> (totals per package, the default), <c>CUSTOMER</c> (per customer) or <c>USER</c> (per subscriber). A change replaces the report. Example: <c>CUSTOMER</c>.</summary>
    [ReplaceOnChanges]
    public string? Type { get; init; }

    /// <summary>Report on this sub-partner organization's customers instead of your own. Webex does not return it. A change replaces the report. Example: <c>Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9hYmM</c>.</summary>
    [ReplaceOnChanges, NotReturned]
    public string? SubPartnerOrgId { get; init; }
}

/// <summary>What only Webex can tell about a report; the state is the inputs plus these.</summary>
public sealed record WholesaleBillingReportOutputs
{
    /// <summary><c>RECONCILIATION</c> (a period) or <c>POINT_IN_TIME</c> (one day), as Webex decided. Example: <c>RECONCILIATION</c>.</summary>
    public string? Category { get; init; }

    /// <summary><c>COMPLETED</c> once a deployment has recorded the report (<c>IN_PROGRESS</c> only in a state a timeout left). Example: <c>COMPLETED</c>.</summary>
    [Required]
    public string? Status { get; init; }

    /// <summary>When Webex generated the report (ISO 8601). Example: <c>2026-12-01T06:00:00.000Z</c>.</summary>
    public string? Created { get; init; }

    /// <summary>The Webex person id of the administrator whose token created the report.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>A link to the report's CSV on Webex's content server, valid for a short time and without a token (anyone with it can read the report, so it is secret); `pulumi refresh` gets a new one.</summary>
    [Secret]
    public string? TempDownloadUrl { get; init; }

    /// <summary>What Webex reported while generating the report.</summary>
    public IReadOnlyList<WebexMessageOutput>? Errors { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WholesaleBillingReportInputs))]
[JsonSerializable(typeof(WholesaleBillingReportOutputs))]
public sealed partial class WholesaleBillingReportJson : JsonSerializerContext;
