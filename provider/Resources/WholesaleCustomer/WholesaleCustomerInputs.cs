using System.Text.Json.Serialization;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// The inputs of <c>webex-wholesale:index:WholesaleCustomer</c>, named as in the Webex API. Everything is nullable:
/// absent and unknown (preview) inputs arrive as null, and validation says what is required.
/// </summary>
public sealed record WholesaleCustomerInputs
{
    /// <summary>Customer Template id from Partner Hub; used when the customer is created. Create-only.</summary>
    public string? ProvisioningId { get; init; }

    /// <summary>Webex org id of an existing organization to onboard. Create-only.</summary>
    public string? OrgId { get; init; }

    /// <summary>The service provider's own identifier of the customer; unique in the fleet.</summary>
    public string? ExternalId { get; init; }

    public AddressInput? Address { get; init; }

    /// <summary>Name, primary e-mail and language of a new customer. Create-only.</summary>
    public CustomerInfoInput? CustomerInfo { get; init; }

    /// <summary>Packages to assign; a set (the order carries no meaning).</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    public ProvisioningParametersInput? ProvisioningParameters { get; init; }

    /// <summary>E-mail of the sub-partner organization's administrator.</summary>
    public string? SubPartnerAdminEmail { get; init; }

    /// <summary>Sub-partner org on whose behalf the customer is managed. Create-only.</summary>
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}

public sealed record AddressInput
{
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string? ZipOrPostalCode { get; init; }
    public string? Country { get; init; }
}

public sealed record CustomerInfoInput
{
    public string? Name { get; init; }
    public string? PrimaryEmail { get; init; }
    public string? Language { get; init; }
}

public sealed record ProvisioningParametersInput
{
    public CallingParametersInput? Calling { get; init; }
    public MeetingsParametersInput? Meetings { get; init; }
    public PackageParametersInput? Packages { get; init; }
}

public sealed record CallingParametersInput
{
    public LocationInput? Location { get; init; }
}

public sealed record LocationInput
{
    public string? Name { get; init; }
    public AddressInput? Address { get; init; }
    public string? Timezone { get; init; }
    public string? Language { get; init; }
    public string? EmergencyLocationIdentifier { get; init; }
    public IReadOnlyList<string>? Numbers { get; init; }
    public string? MainNumber { get; init; }
}

public sealed record MeetingsParametersInput
{
    public string? Timezone { get; init; }
}

public sealed record PackageParametersInput
{
    /// <summary>Per-package caps, keyed by package name.</summary>
    public IReadOnlyDictionary<string, double>? Limits { get; init; }
}
