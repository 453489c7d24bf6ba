using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Resources.Schema;
using WebexWholesale.Provider.Resources.WholesaleBillingReport;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex.Billing;

namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>A billing report as Webex reports it.</summary>
[SchemaType("BillingReportDetails")]
public sealed record BillingReportDetails
{
    /// <summary>The Webex billing report id.</summary>
    [Required]
    public required string Id { get; init; }

    /// <summary>The first day of the period (<c>YYYY-MM-DD</c>).</summary>
    public string? BillingStartDate { get; init; }

    /// <summary>The last day of the period (<c>YYYY-MM-DD</c>).</summary>
    public string? BillingEndDate { get; init; }

    /// <summary><c>PARTNER</c>, <c>CUSTOMER</c> or <c>USER</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>RECONCILIATION</c> or <c>POINT_IN_TIME</c>.</summary>
    public string? Category { get; init; }

    /// <summary><c>IN_PROGRESS</c>, <c>COMPLETED</c> or <c>FAILED</c>.</summary>
    public string? Status { get; init; }

    /// <summary>When Webex generated the report (ISO 8601).</summary>
    public string? Created { get; init; }

    /// <summary>The Webex person id of the administrator who created the report.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>A short-lived link to the report's CSV (Webex gives it when one report is read, not in lists); anyone holding it can read the report, so it is secret.</summary>
    [Secret]
    public string? TempDownloadUrl { get; init; }

    /// <summary>What Webex reported while generating the report.</summary>
    public IReadOnlyList<WebexMessageOutput>? Errors { get; init; }

    public static BillingReportDetails From(BillingReport report) => new()
    {
        Id = report.Id, BillingStartDate = report.BillingStartDate, BillingEndDate = report.BillingEndDate, Type = report.Type, Category = report.Category,
        Status = report.Status, Created = report.Created, CreatedBy = report.CreatedBy, TempDownloadUrl = report.TempDownloadUrl,
        Errors = WebexMessageOutput.From(report.Errors),
    };
}

/// <summary>Arguments of <c>getWholesaleBillingReport</c>.</summary>
public sealed record GetWholesaleBillingReportArgs
{
    /// <summary>The Webex billing report id.</summary>
    [Required]
    public string? Id { get; init; }
}

/// <summary>Looks up one Webex Wholesale billing report by its id, with its status and download link (scope <c>spark-admin:wholesale_billing_reports_read</c>).</summary>
public sealed class GetWholesaleBillingReport : ICustomFunction<GetWholesaleBillingReportArgs, BillingReportDetails>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleBillingReport";

    public string Token => FunctionToken;
    public JsonTypeInfo<GetWholesaleBillingReportArgs> ArgsType => BillingLookupJson.Default.GetWholesaleBillingReportArgs;
    public JsonTypeInfo<BillingReportDetails> ResultType => BillingLookupJson.Default.BillingReportDetails;

    public async Task<FunctionResult<BillingReportDetails>> InvokeAsync(GetWholesaleBillingReportArgs args, ResourceContext context)
    {
        if (args.Id is null)
        {
            return FunctionResult.Fail<BillingReportDetails>("id", "is required: the Webex billing report id");
        }

        if (BillingReportId.Problem(args.Id) is { } problem)
        {
            return FunctionResult.Fail<BillingReportDetails>("id", problem);
        }

        var found = await context.RequireProvider().Billing.GetAsync(args.Id, context.Cancellation);
        return found is null
            ? FunctionResult.Fail<BillingReportDetails>("id", $"no Webex Wholesale billing report has id '{Echo.Of(args.Id)}'")
            : FunctionResult.Of(BillingReportDetails.From(found));
    }
}

/// <summary>Arguments of <c>getWholesaleBillingReports</c>: Webex's list filters, all optional.</summary>
public sealed record GetWholesaleBillingReportsArgs
{
    /// <summary>Only reports whose period starts on this day (<c>YYYY-MM-DD</c>).</summary>
    public string? BillingStartDate { get; init; }

    /// <summary>Only reports whose period ends on this day (<c>YYYY-MM-DD</c>).</summary>
    public string? BillingEndDate { get; init; }

    /// <summary>Only reports of this type: <c>PARTNER</c>, <c>CUSTOMER</c> or <c>USER</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Only reports in this status: <c>IN_PROGRESS</c>, <c>COMPLETED</c> or <c>FAILED</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Order by <c>billingStartDate</c> (Webex's default), <c>billingEndDate</c>, <c>id</c> or <c>status</c>.</summary>
    public string? SortBy { get; init; }

    /// <summary>Only the reports of this sub-partner organization.</summary>
    public string? SubPartnerOrgId { get; init; }
}

/// <summary>What <c>getWholesaleBillingReports</c> returns.</summary>
public sealed record GetWholesaleBillingReportsResult
{
    /// <summary>The reports found, over every page.</summary>
    [Required]
    public required IReadOnlyList<BillingReportDetails> Reports { get; init; }
}

/// <summary>Lists the Webex Wholesale billing reports matching the filters, following every page (scope <c>spark-admin:wholesale_billing_reports_read</c>).</summary>
public sealed class GetWholesaleBillingReports : ICustomFunction<GetWholesaleBillingReportsArgs, GetWholesaleBillingReportsResult>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleBillingReports";

    private static readonly string[] SortKeys = ["billingStartDate", "billingEndDate", "id", "status"];

    public string Token => FunctionToken;
    public JsonTypeInfo<GetWholesaleBillingReportsArgs> ArgsType => BillingLookupJson.Default.GetWholesaleBillingReportsArgs;
    public JsonTypeInfo<GetWholesaleBillingReportsResult> ResultType => BillingLookupJson.Default.GetWholesaleBillingReportsResult;

    public async Task<FunctionResult<GetWholesaleBillingReportsResult>> InvokeAsync(GetWholesaleBillingReportsArgs args, ResourceContext context)
    {
        if (Problem(args) is { } failure)
        {
            return new FunctionResult<GetWholesaleBillingReportsResult>(null, [failure]);
        }

        var filter = new BillingReportFilter
        {
            BillingStartDate = args.BillingStartDate, BillingEndDate = args.BillingEndDate, Type = args.Type, Status = args.Status, SortBy = args.SortBy,
            SubPartnerOrgId = args.SubPartnerOrgId,
        };
        var reports = new List<BillingReportDetails>();
        await foreach (var report in context.RequireProvider().Billing.ListAsync(filter, context.Cancellation))
        {
            reports.Add(BillingReportDetails.From(report));
        }

        return FunctionResult.Of(new GetWholesaleBillingReportsResult { Reports = reports });
    }

    private static InputFailure? Problem(GetWholesaleBillingReportsArgs args)
    {
        foreach (var (name, value) in new[] { ("billingStartDate", args.BillingStartDate), ("billingEndDate", args.BillingEndDate) })
        {
            if (value is not null && WholesaleBillingReportValidation.AsDate(value) is null)
            {
                return new InputFailure(name, $"'{Echo.Of(value)}' is not a date as YYYY-MM-DD (e.g. 2026-11-01)");
            }
        }

        return args.Type is { } type && !BillingReportType.All.Contains(type, StringComparer.Ordinal)
            ? new InputFailure("type", $"'{Echo.Of(type)}' is not {string.Join(", ", BillingReportType.All)}")
            : args.Status is { } status && !BillingReportStatus.All.Contains(status, StringComparer.Ordinal)
                ? new InputFailure("status", $"'{Echo.Of(status)}' is not {string.Join(", ", BillingReportStatus.All)}")
                : args.SortBy is { } sortBy && !SortKeys.Contains(sortBy, StringComparer.Ordinal)
                    ? new InputFailure("sortBy", $"'{Echo.Of(sortBy)}' is not {string.Join(", ", SortKeys)}")
                    : null;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetWholesaleBillingReportArgs))]
[JsonSerializable(typeof(GetWholesaleBillingReportsArgs))]
[JsonSerializable(typeof(BillingReportDetails))]
[JsonSerializable(typeof(GetWholesaleBillingReportsResult))]
public sealed partial class BillingLookupJson : JsonSerializerContext;
