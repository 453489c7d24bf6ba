using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>Settings the packages need when they are provisioned.</summary>
[SchemaType("ProvisioningParameters")]
public sealed record ProvisioningParametersInput
{
    /// <summary>Required when a calling package (<c>webex_calling</c>, <c>webex_suite</c>, <c>webex_voice</c>, <c>common_area_calling</c>, <c>cx_essentials</c>, <c>webex_calling_standard</c>) is added.</summary>
    public CallingParametersInput? Calling { get; init; }

    /// <summary>Settings of the meetings packages.</summary>
    public MeetingsParametersInput? Meetings { get; init; }

    /// <summary>Per-package settings such as licence limits.</summary>
    public PackageParametersInput? Packages { get; init; }
}
