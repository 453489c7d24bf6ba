using System.Text.Json.Serialization;
using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.ProviderConfig;

/// <summary>The provider's configuration as the user sets it (<c>pulumi config set webex-wholesale:KEY</c>).</summary>
public sealed record ProviderConfigInputs
{
    /// <summary>Base URL of the Webex API. Defaults to the public cloud, https://webexapis.com/v1; point it at the local simulator for offline work. Example: <c>http://127.0.0.1:43117/v1</c> (the simulator).</summary>
    [EnvironmentDefault(ProviderConfiguration.BaseUrlVariable)]
    public string? BaseUrl { get; init; }

    /// <summary>Webex access token of a partner administrator or service app with the spark-admin:wholesale_customers_read, spark-admin:wholesale_customers_write, spark-admin:wholesale_subscribers_read and spark-admin:wholesale_subscribers_write scopes. Example: <c>pulumi config set --secret webex-wholesale:accessToken &lt;token&gt;</c>.</summary>
    [Secret, EnvironmentDefault(ProviderConfiguration.AccessTokenVariable)]
    public string? AccessToken { get; init; }

    /// <summary>Most Webex requests this provider has in flight at once, for all resources of the stack together (1-64, default 8). Webex rate-limits per partner organisation; lower it when deployments meet HTTP 429. Example: <c>4</c>.</summary>
    [DefaultValue(ProviderConfiguration.DefaultMaxConcurrentRequests)]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] // stack configuration arrives as text
    public int? MaxConcurrentRequests { get; init; }

    /// <summary>Whether previews ask Webex's precheck API about each customer about to be created (default true). Turn it off for offline previews without credentials that can call Webex. Example: <c>false</c>.</summary>
    [DefaultValue(true)]
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? Precheck { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProviderConfigInputs))]
public sealed partial class ProviderConfigJson : JsonSerializerContext;
