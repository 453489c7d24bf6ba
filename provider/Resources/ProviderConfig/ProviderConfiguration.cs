using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.ProviderConfig;

/// <summary>
/// Validation and resolution of the provider configuration. Environment fallbacks are applied when the provider is
/// configured, not when the configuration is checked, so that a token taken from the environment is never written
/// into the stack's state.
/// </summary>
public static class ProviderConfiguration
{
    public const string Package = "webex-wholesale";
    public const string BaseUrlKey = "baseUrl";
    public const string AccessTokenKey = "accessToken";
    public const string MaxConcurrentRequestsKey = "maxConcurrentRequests";
    public const string PrecheckKey = "precheck";
    public const int DefaultMaxConcurrentRequests = 8;
    public const int MaxMaxConcurrentRequests = 64;
    public const string BaseUrlVariable = "WEBEX_BASE_URL";
    public const string AccessTokenVariable = "WEBEX_ACCESS_TOKEN";
    public static readonly Uri DefaultBaseUrl = new(TokenOrigin.PublicCloud);

    /// <summary>The configuration keys: the properties of <see cref="ProviderConfigInputs"/>.</summary>
    public static readonly IReadOnlySet<string> Keys = ProviderConfigJson.Default.ProviderConfigInputs.Properties.Select(property => property.Name).ToHashSet();

    public static readonly string AccessTokenDescription =
        $"A Webex access token with the {WebexScopes.Listed(WebexScopes.ToDeploy)} scopes ({WebexScopes.Listed(WebexScopes.ToRead)} are enough " +
        "for a refresh). Set it with `pulumi config set --secret webex-wholesale:accessToken <token>` or the WEBEX_ACCESS_TOKEN environment variable.";

    /// <summary>Problems with values the user set; unknown (not yet computed) values are not judged.</summary>
    public static IReadOnlyList<InputFailure> Validate(ProviderConfigInputs inputs)
    {
        var failures = new List<InputFailure>();
        if (inputs.BaseUrl is not null && BaseUrlProblem(inputs.BaseUrl) is { } problem)
        {
            failures.Add(new InputFailure(BaseUrlKey, problem));
        }

        if (inputs.AccessToken is { } token && string.IsNullOrWhiteSpace(token))
        {
            failures.Add(new InputFailure(AccessTokenKey, "is empty; set a Webex access token or remove the key to use WEBEX_ACCESS_TOKEN"));
        }

        if (inputs.MaxConcurrentRequests is { } max && (max < 1 || max > MaxMaxConcurrentRequests))
        {
            failures.Add(new InputFailure(MaxConcurrentRequestsKey,
                $"must be from 1 to {MaxMaxConcurrentRequests}; {DefaultMaxConcurrentRequests} (the default) suits most partner orgs"));
        }

        return failures;
    }

    /// <summary>
    /// The settings to work with, or the required keys that are missing (set neither in the stack nor in the
    /// environment).
    /// </summary>
    public static (ProviderSettings? Settings, IReadOnlyList<string> MissingKeys) Resolve(
        ProviderConfigInputs inputs, Func<string, string?> environment)
    {
        var baseUrlText = inputs.BaseUrl ?? NonEmpty(environment(BaseUrlVariable));
        var baseUrl = baseUrlText is null ? DefaultBaseUrl
            : BaseUrlProblem(baseUrlText) is { } problem ? throw new ArgumentException($"{BaseUrlKey} ({BaseUrlVariable}): {problem}")
            : new Uri(baseUrlText);
        var token = NonEmpty(inputs.AccessToken) ?? NonEmpty(environment(AccessTokenVariable));
        return token is null
            ? (null, [AccessTokenKey])
            : (new ProviderSettings(baseUrl, token, inputs.MaxConcurrentRequests ?? DefaultMaxConcurrentRequests, inputs.Precheck ?? true), []);
    }

    /// <summary>
    /// What is wrong with a base URL, or null. The token travels with every request, so it goes only to the base URL's
    /// origin, and over plain HTTP only to a loopback host (the local simulator); certificate validation is never
    /// turned off. The rule is <see cref="TokenOrigin"/>, which the Webex client applies to every request.
    /// </summary>
    public static string? BaseUrlProblem(string text) => TokenOrigin.Problem(text);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
