using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.Errors;

/// <summary>
/// A failure as the user should see it: its kind and a message with the advice that fits a Pulumi user. The Webex
/// client reports what happened; this is where that becomes what to do about it.
/// </summary>
public sealed record ProviderFailure(ProviderErrorKind Kind, string Message)
{
    /// <summary>The failure an exception stands for, or null for one that is not understood (a bug).</summary>
    public static ProviderFailure? From(Exception error) => error switch
    {
        ProviderException provider => new ProviderFailure(provider.Kind, provider.Message),
        WebexApiException webex => FromWebex(webex),
        OperationCanceledException => new ProviderFailure(ProviderErrorKind.Cancelled, "the operation was cancelled"),
        _ => null,
    };

    private static ProviderFailure FromWebex(WebexApiException error) => error.Kind switch
    {
        WebexErrorKind.Unauthorized => new ProviderFailure(ProviderErrorKind.Unauthenticated, $"{error.Message}. " +
            "The access token is missing, invalid or expired (developer-portal tokens last 12 hours); set a fresh one with " +
            "`pulumi config set --secret webex-wholesale:accessToken` or WEBEX_ACCESS_TOKEN"),
        WebexErrorKind.Forbidden when error.Noun == "billing report" => new ProviderFailure(ProviderErrorKind.PermissionDenied, $"{error.Message}. " +
            $"The token lacks a scope (reading reports needs {WebexScopes.BillingReportsRead}, creating and deleting them {WebexScopes.BillingReportsWrite}) " +
            "or partner administrator privileges"),
        WebexErrorKind.Forbidden => new ProviderFailure(ProviderErrorKind.PermissionDenied, $"{error.Message}. " +
            $"The token lacks a scope (changes need {WebexScopes.Listed(WebexScopes.ToDeploy)}) or the partner administrator privileges for this customer"),
        WebexErrorKind.RateLimited => new ProviderFailure(ProviderErrorKind.RateLimited, $"{error.Message}. " +
            "Webex kept rate-limiting after every retry; lower webex-wholesale:maxConcurrentRequests or run pulumi with a smaller --parallel"),
        WebexErrorKind.NotFound => new ProviderFailure(ProviderErrorKind.NotFound, error.Message),
        WebexErrorKind.Busy => new ProviderFailure(ProviderErrorKind.Conflict, error.Message),
        WebexErrorKind.Rejected => new ProviderFailure(ProviderErrorKind.InvalidInput, error.Message),
        _ => new ProviderFailure(ProviderErrorKind.Unavailable, error.Message),
    };
}
