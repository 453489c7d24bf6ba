using System.Text.Json.Serialization;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// The state the engine keeps: the inputs, with what Webex reports where it reports it (<c>externalId</c>,
/// <c>address</c>, <c>packages</c>, <c>orgId</c>), plus the provisioning status and its details. Inputs Webex never
/// returns (<c>provisioningId</c>, <c>customerInfo</c>, <c>provisioningParameters</c>, <c>subPartnerAdminEmail</c>)
/// are kept from the last inputs.
/// </summary>
public sealed record WholesaleCustomerState
{
    public string? ProvisioningId { get; init; }
    public string? OrgId { get; init; }
    public string? ExternalId { get; init; }
    public AddressInput? Address { get; init; }
    public CustomerInfoInput? CustomerInfo { get; init; }
    public IReadOnlyList<string>? Packages { get; init; }
    public ProvisioningParametersInput? ProvisioningParameters { get; init; }
    public string? SubPartnerAdminEmail { get; init; }
    public string? OnBehalfOfSubPartnerOrgId { get; init; }

    /// <summary>Webex's provisioning status, e.g. <c>provisioned</c>, <c>provisioned_with_errors</c>, <c>error</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Status, errors and warnings of each package.</summary>
    public IReadOnlyList<PackageDetailState>? PackageDetails { get; init; }

    /// <summary>Errors of the last provision or update that happened in the background.</summary>
    public IReadOnlyList<WebexMessageState>? Errors { get; init; }
}

public sealed record PackageDetailState
{
    public string? Name { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<WebexMessageState>? Errors { get; init; }
    public IReadOnlyList<WebexMessageState>? Warnings { get; init; }
}

public sealed record WebexMessageState
{
    public double? ErrorCode { get; init; }
    public string? Description { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WholesaleCustomerInputs))]
[JsonSerializable(typeof(WholesaleCustomerState))]
public sealed partial class WholesaleCustomerJson : JsonSerializerContext;
