using System.Net;

namespace WebexWholesale.Provider.Webex;

/// <summary>
/// A Webex request that failed: what it means (<see cref="Kind"/>), the HTTP status, Webex's message and errors, and
/// the tracking id to quote to Cisco support. The message names the operation and the customer; it never contains
/// the access token, and it gives no advice about the tool that called (its caller adds that).
/// </summary>
public sealed class WebexApiException : Exception
{
    public WebexApiException(string operation, string? customer, HttpStatusCode? statusCode, WebexErrorBody? body,
        string? trackingId, Exception? inner = null, WebexErrorKind? kind = null)
        : this(operation, customer, "customer", statusCode, body, trackingId, inner, kind)
    {
    }

    /// <param name="noun">what <paramref name="subject"/> is, in the message: customer, subscriber</param>
    public WebexApiException(string operation, string? subject, string noun, HttpStatusCode? statusCode, WebexErrorBody? body,
        string? trackingId, Exception? inner = null, WebexErrorKind? kind = null)
        : base(Describe(operation, subject is null ? null : $"{noun} {subject}", statusCode, body, trackingId, inner), inner)
    {
        Operation = operation;
        Noun = noun;
        Customer = subject;
        StatusCode = statusCode;
        Kind = kind ?? KindOf(statusCode);
        WebexMessage = body?.Message;
        Errors = body?.Errors ?? [];
        TrackingId = body?.TrackingId ?? trackingId;
    }

    public WebexErrorKind Kind { get; }

    public string Operation { get; }

    /// <summary>What the request was about: customer, subscriber, billing report.</summary>
    public string Noun { get; }
    /// <summary>The customer or subscriber the request was about, when it was about one.</summary>
    public string? Customer { get; }

    /// <summary>Null when no answer arrived (connection dropped, timed out).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string? WebexMessage { get; }
    public IReadOnlyList<WebexErrorDetail> Errors { get; }
    public string? TrackingId { get; }

    public static WebexErrorKind KindOf(HttpStatusCode? status) => status switch
    {
        null => WebexErrorKind.Unavailable,
        HttpStatusCode.Unauthorized => WebexErrorKind.Unauthorized,
        HttpStatusCode.Forbidden => WebexErrorKind.Forbidden,
        HttpStatusCode.NotFound => WebexErrorKind.NotFound,
        HttpStatusCode.Conflict or HttpStatusCode.Locked => WebexErrorKind.Busy,
        HttpStatusCode.TooManyRequests => WebexErrorKind.RateLimited,
        >= HttpStatusCode.InternalServerError => WebexErrorKind.Unavailable,
        _ => WebexErrorKind.Rejected,
    };

    private static string Describe(string operation, string? customer, HttpStatusCode? status, WebexErrorBody? body,
        string? trackingId, Exception? inner)
    {
        var subject = customer is null ? operation : $"{operation} of {customer}";
        var what = status is { } code ? $"HTTP {(int)code} {ReasonPhrase(code)}" : $"no answer from Webex ({inner?.Message ?? "connection lost"})";
        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(body?.Message))
        {
            details.Add(body.Message!);
        }

        details.AddRange((body?.Errors ?? []).Select(error => error.ToString()).Where(text => text.Length > 0 && text != body?.Message));
        var tracking = body?.TrackingId ?? trackingId;
        return $"{subject} failed: {what}" +
               (details.Count > 0 ? $": {string.Join("; ", details)}" : "") +
               (tracking is null ? "" : $" (Webex tracking id {tracking})");
    }

    private static string ReasonPhrase(HttpStatusCode code) => code switch
    {
        (HttpStatusCode)423 => "Locked",
        (HttpStatusCode)429 => "Too Many Requests",
        _ => Enum.IsDefined(code) ? SplitWords(code.ToString()) : "",
    };

    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]) ? " " + c : c.ToString()));
}
