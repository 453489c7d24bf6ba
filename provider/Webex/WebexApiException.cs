using System.Net;

namespace WebexWholesale.Provider.Webex;

/// <summary>
/// A Webex request that failed: the HTTP status, Webex's message and errors, and the tracking id to quote to Cisco
/// support. The message names the operation and the customer; it never contains the access token.
/// </summary>
public sealed class WebexApiException : Exception
{
    public WebexApiException(string operation, string? customer, HttpStatusCode? statusCode, WebexErrorBody? body,
        string? trackingId, Exception? inner = null)
        : base(Describe(operation, customer, statusCode, body, trackingId, inner), inner)
    {
        Operation = operation;
        Customer = customer;
        StatusCode = statusCode;
        WebexMessage = body?.Message;
        Errors = body?.Errors ?? [];
        TrackingId = body?.TrackingId ?? trackingId;
    }

    public string Operation { get; }
    public string? Customer { get; }

    /// <summary>Null when no answer arrived (connection dropped, timed out).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string? WebexMessage { get; }
    public IReadOnlyList<WebexErrorDetail> Errors { get; }
    public string? TrackingId { get; }

    private static string Describe(string operation, string? customer, HttpStatusCode? status, WebexErrorBody? body,
        string? trackingId, Exception? inner)
    {
        var subject = customer is null ? operation : $"{operation} of customer {customer}";
        var what = status is { } code ? $"HTTP {(int)code} {ReasonPhrase(code)}" : $"no answer from Webex ({inner?.Message ?? "connection lost"})";
        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(body?.Message))
        {
            details.Add(body.Message!);
        }

        details.AddRange((body?.Errors ?? []).Select(error => error.ToString()).Where(text => text.Length > 0 && text != body?.Message));
        var hint = Hint(status);
        var tracking = body?.TrackingId ?? trackingId;
        return $"{subject} failed: {what}" +
               (details.Count > 0 ? $": {string.Join("; ", details)}" : "") +
               (hint is null ? "" : $". {hint}") +
               (tracking is null ? "" : $" (Webex tracking id {tracking})");
    }

    private static string ReasonPhrase(HttpStatusCode code) => code switch
    {
        (HttpStatusCode)423 => "Locked",
        (HttpStatusCode)429 => "Too Many Requests",
        _ => Enum.IsDefined(code) ? SplitWords(code.ToString()) : "",
    };

    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));

    private static string? Hint(HttpStatusCode? status) => status switch
    {
        HttpStatusCode.Unauthorized =>
            "The access token is missing, invalid or expired (developer-portal tokens last 12 hours); set a fresh one with " +
            "`pulumi config set --secret webex-wholesale:accessToken` or WEBEX_ACCESS_TOKEN",
        HttpStatusCode.Forbidden =>
            "The token lacks the spark-admin:wholesale_customers_write scope or the partner administrator privileges for this customer",
        (HttpStatusCode)429 =>
            "Webex kept rate-limiting after every retry; lower webex-wholesale:maxConcurrentRequests or run pulumi with a smaller --parallel",
        _ => null,
    };
}
