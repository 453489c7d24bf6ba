using System.Globalization;
using WebexWholesale.Provider.Webex.Billing;

namespace WebexWholesale.Provider.Resources.WholesaleBillingReport;

/// <summary>Local validation of a report's inputs: real calendar dates in Webex's form, in order, and a known type.</summary>
public static class WholesaleBillingReportValidation
{
    public static IReadOnlyList<InputFailure> Validate(Decoded<WholesaleBillingReportInputs> inputs)
    {
        var v = new InputValidator(inputs.Unknowns);
        var value = inputs.Value;
        var start = Date(v, "billingStartDate", value.BillingStartDate, "the first day of the billing period");
        var end = Date(v, "billingEndDate", value.BillingEndDate, "the last day of the billing period");
        if (start is { } first && end is { } last && last < first)
        {
            v.Fail("billingEndDate", $"{last:yyyy-MM-dd} is before billingStartDate {first:yyyy-MM-dd}: the period ends on or after the day it starts " +
                                     "(the same day gives a point-in-time report)");
        }

        if (value.Type is { } type && !BillingReportType.All.Contains(type, StringComparer.Ordinal))
        {
            var near = BillingReportType.All.FirstOrDefault(known => string.Equals(known, type, StringComparison.OrdinalIgnoreCase));
            v.Fail("type", $"'{Echo.Of(type)}' is not a report type; use {(near is null ? string.Join(", ", BillingReportType.All) : near)}");
        }

        if (value.SubPartnerOrgId is { Length: > 0 } subPartner && WebexId.Problem(subPartner, "organization", "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8") is { } problem)
        {
            v.Fail("subPartnerOrgId", problem);
        }

        return v.Failures;
    }

    /// <summary>A calendar date written as Webex takes it, <c>YYYY-MM-DD</c>; null for anything else.</summary>
    public static DateOnly? AsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A date as Webex takes it (<c>YYYY-MM-DD</c>), or null after a failure naming the property.</summary>
    private static DateOnly? Date(InputValidator v, string path, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Fail(path, $"is required: {what}, as YYYY-MM-DD (e.g. 2026-11-01)");
            return null;
        }

        if (AsDate(text) is { } date)
        {
            return date;
        }

        v.Fail(path, $"'{Echo.Of(text)}' is not a date as YYYY-MM-DD (e.g. 2026-11-01): {what}");
        return null;
    }
}
