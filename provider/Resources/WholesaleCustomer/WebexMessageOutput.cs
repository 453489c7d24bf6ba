using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>An error or warning Webex reported.</summary>
[SchemaType("WebexMessage")]
public sealed record WebexMessageOutput
{
    /// <summary>Webex's code for the error or warning. Example: <c>2560</c> (Webex Calling under maintenance).</summary>
    public double? ErrorCode { get; init; }

    /// <summary>What went wrong, in Webex's words.</summary>
    public string? Description { get; init; }

    /// <summary>Webex's errors or warnings as outputs; null for none, so an empty list never shows as a change.</summary>
    public static List<WebexMessageOutput>? From(IReadOnlyList<Webex.WebexErrorDetail>? details) =>
        details is null or { Count: 0 } ? null : [.. details.Select(detail => new WebexMessageOutput { ErrorCode = detail.ErrorCode, Description = detail.Description })];

    /// <summary>A billing report's generation errors as outputs (null elements skipped); null for none.</summary>
    public static List<WebexMessageOutput>? From(IReadOnlyList<Webex.Billing.BillingReportError>? errors) =>
        errors?.OfType<Webex.Billing.BillingReportError>().Select(error => new WebexMessageOutput { ErrorCode = error.Code, Description = error.Description }).ToList()
            is { Count: > 0 } listed ? listed : null;
}
