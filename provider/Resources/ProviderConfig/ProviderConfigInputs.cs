using System.Text.Json.Serialization;

namespace WebexWholesale.Provider.Resources.ProviderConfig;

/// <summary>The provider's configuration as the user sets it (<c>pulumi config set webex-wholesale:KEY</c>).</summary>
public sealed record ProviderConfigInputs
{
    /// <summary>Webex API base URL; <c>WEBEX_BASE_URL</c> or the public cloud when not set.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Bearer token of a partner administrator or service app; <c>WEBEX_ACCESS_TOKEN</c> when not set. Secret.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Cap on Webex requests in flight from this provider. Stack config arrives as text, hence the string form.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? MaxConcurrentRequests { get; init; }

    /// <summary>Whether Check asks Webex's precheck API about customers about to be created (default true).</summary>
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? Precheck { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProviderConfigInputs))]
internal sealed partial class ProviderConfigJson : JsonSerializerContext;
