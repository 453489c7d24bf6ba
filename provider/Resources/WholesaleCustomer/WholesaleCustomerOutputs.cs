using System.Text.Json.Serialization;
using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// What only Webex can tell about a customer. The state the engine keeps is the inputs (as they stand in Webex) plus
/// these outputs: <see cref="ResourceState{TInputs,TOutputs}"/>.
/// </summary>
public sealed record WholesaleCustomerOutputs
{
    /// <summary>Webex's provisioning status: <c>provisioned</c> after a successful deployment; <c>provisioned_with_errors</c> or <c>error</c> when Webex failed (see <c>errors</c> and <c>packageDetails</c>). Example: <c>provisioned</c>.</summary>
    [Required]
    public string? Status { get; init; }

    /// <summary>Status, errors and warnings of each package. Example: <c>[{name: webex_calling, status: error, warnings: [{errorCode: 2560, description: ...}]}]</c>.</summary>
    public IReadOnlyList<PackageDetailOutput>? PackageDetails { get; init; }

    /// <summary>Errors of the last provision or update that happened in the background, after Webex accepted the request. Example: <c>[{errorCode: 4003, description: ...}]</c>.</summary>
    public IReadOnlyList<WebexMessageOutput>? Errors { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WholesaleCustomerInputs))]
[JsonSerializable(typeof(WholesaleCustomerOutputs))]
public sealed partial class WholesaleCustomerJson : JsonSerializerContext;
