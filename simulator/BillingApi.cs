using System.Globalization;
using System.Text.Json.Serialization;

namespace WebexWholesale.Simulator;

/// <summary>The four Wholesale Billing Reports operations, answering as the contract describes, and the CSV downloads on the second origin.</summary>
internal sealed class BillingApi(BillingReportStore reports, TimeProvider time)
{
    private const int MaxPageSize = 100;
    private static readonly string[] Types = ["PARTNER", "CUSTOMER", "USER"];
    private static readonly string[] Statuses = ["IN_PROGRESS", "COMPLETED", "FAILED"];
    private static readonly string[] SortKeys = ["id", "billingStartDate", "billingEndDate", "status"];

    public async Task Create(HttpContext context)
    {
        var body = await ApiRequests.ReadBody(context, SimulatorJson.Default.BillingReportBody);
        if (body is null)
        {
            return;
        }

        var errors = new List<string>();
        var start = Date(body.BillingStartDate, "billingStartDate", errors);
        var end = Date(body.BillingEndDate, "billingEndDate", errors);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (start is { } first && end is { } last)
        {
            if (last < first)
            {
                errors.Add("billingEndDate must not be before billingStartDate.");
            }

            if (last > today)
            {
                errors.Add($"billingEndDate must not be after today ({today:yyyy-MM-dd}).");
            }
        }

        var type = body.Type ?? "PARTNER";
        if (!Types.Contains(type))
        {
            errors.Add("type must be PARTNER, CUSTOMER or USER.");
        }

        if (errors.Count > 0)
        {
            await SimulatorApp.WriteError(context, 400, "The request could not be validated.", errors.Select(text => new ErrorItem { Description = text }));
            return;
        }

        var (report, conflict) = reports.Create(body.BillingStartDate!, body.BillingEndDate!, type, body.SubPartnerOrgId);
        if (conflict is not null)
        {
            await SimulatorApp.WriteError(context, 409, conflict);
            return;
        }

        await SimulatorApp.WriteJson(context, 200, View(report!), SimulatorJson.Default.ReportView);
    }

    public async Task List(HttpContext context)
    {
        var query = context.Request.Query;
        string? Filter(string name) => query[name].FirstOrDefault();
        if (!ApiRequests.TryReadInt(query["max"], MaxPageSize, 1, MaxPageSize, out var max) || !ApiRequests.TryReadInt(query["offset"], 0, 0, int.MaxValue, out var offset))
        {
            await SimulatorApp.WriteError(context, 400, $"max must be a whole number from 1 to {MaxPageSize} and offset a whole number from 0");
            return;
        }

        if ((Filter("type") is { } type && !Types.Contains(type)) || (Filter("status") is { } status && !Statuses.Contains(status)) ||
            (Filter("sortBy") is { } sort && !SortKeys.Contains(sort)))
        {
            await SimulatorApp.WriteError(context, 400, "type, status or sortBy has a value the API does not know.");
            return;
        }

        var matching = reports.List().Where(r =>
                (Filter("billingStartDate") is not { } s || r.BillingStartDate == s) && (Filter("billingEndDate") is not { } e || r.BillingEndDate == e) &&
                (Filter("type") is not { } t || r.Type == t) && (Filter("status") is not { } st || r.Status == st) &&
                (Filter("subPartnerOrgId") is not { } p || r.SubPartnerOrgId == p))
            .OrderBy(r => Filter("sortBy") switch
            {
                "id" => r.Id,
                "billingEndDate" => r.BillingEndDate,
                "status" => r.Status,
                _ => r.BillingStartDate,
            }, StringComparer.Ordinal)
            .ThenBy(r => r.Sequence)
            .ToList();
        var page = matching.Skip(offset).Take(max).Select(r => View(r) with { Status = r.Status }).ToList();
        ApiRequests.LinkNextPage(context, "/v1/wholesale/billing/reports", offset, max, matching.Count);
        await SimulatorApp.WriteJson(context, 200, new ReportListView { Items = page }, SimulatorJson.Default.ReportListView);
    }

    public async Task Get(HttpContext context)
    {
        if (reports.Get((string)context.Request.RouteValues["reportId"]!) is not { } report)
        {
            await SimulatorApp.WriteError(context, 404, "Billing Report not found.");
            return;
        }

        await SimulatorApp.WriteJson(context, 200, View(report) with
        {
            Created = report.Created.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            CreatedBy = CustomerStore.EncodeId("PEOPLE", Guid.Empty), Status = report.Status,
            TempDownloadUrl = report.Status == "COMPLETED" ? reports.LinkOf(report) : null,
            Errors = report.Status == "FAILED" ? [new ReportErrorView { Code = 2024, Description = report.FailWith }] : null,
        }, SimulatorJson.Default.ReportView);
    }

    public async Task Delete(HttpContext context)
    {
        if (!reports.Delete((string)context.Request.RouteValues["reportId"]!))
        {
            await SimulatorApp.WriteError(context, 404, "Billing Report not found.");
            return;
        }

        context.Response.StatusCode = 204;
    }

    /// <summary>
    /// The content server: a presigned link is its own credential, so a request carrying a token is refused, as a
    /// storage service refuses two ways of signing one request.
    /// </summary>
    public async Task Download(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0)
        {
            await Plain(context, 400, "Only one auth mechanism allowed: this link is presigned; send no Authorization header.");
            return;
        }

        var (csv, status, refusal) = reports.Download(context.Request.Path.Value ?? "", context.Request.Query["Expires"].FirstOrDefault(),
            context.Request.Query["Signature"].FirstOrDefault());
        if (csv is null)
        {
            await Plain(context, status, refusal!);
            return;
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        await context.Response.WriteAsync(csv);
    }

    /// <summary>What every answer about a report holds (the create's); a list item adds the status, a GET everything.</summary>
    private static ReportView View(BillingReportStore.StoredReport report) => new()
    {
        Id = report.Id, BillingStartDate = report.BillingStartDate, BillingEndDate = report.BillingEndDate, Type = report.Type, Category = report.Category,
    };

    private static Task Plain(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(message);
    }

    private static DateOnly? Date(string? text, string name, List<string> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(text is null ? $"{name} is required." : $"{name} must be a date as YYYY-MM-DD.");
        return null;
    }
}

public sealed record BillingReportBody
{
    public string? BillingStartDate { get; init; }
    public string? BillingEndDate { get; init; }
    public string? Type { get; init; }
    public string? SubPartnerOrgId { get; init; }
    public bool? Internal { get; init; }
}

public sealed record ReportListView
{
    public required List<ReportView> Items { get; init; }
}

public sealed record ReportErrorView
{
    public double Code { get; init; }
    public string? Description { get; init; }
}

public sealed record ReportView
{
    public required string Id { get; init; }
    public required string BillingStartDate { get; init; }
    public required string BillingEndDate { get; init; }
    public required string Type { get; init; }
    public required string Category { get; init; }
    public string? Created { get; init; }
    public string? CreatedBy { get; init; }
    public string? Status { get; init; }

    [JsonPropertyName("tempDownloadURL")]
    public string? TempDownloadUrl { get; init; }

    public List<ReportErrorView>? Errors { get; init; }
}

/// <summary>Control API body: the next <c>count</c> reports fail with <c>description</c>.</summary>
public sealed record BillingFailureBody
{
    public int Count { get; init; } = 1;
    public string? Description { get; init; }
}
