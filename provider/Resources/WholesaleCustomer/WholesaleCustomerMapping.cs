using WebexWholesale.Provider.Webex;
using WebexCustomer = WebexWholesale.Provider.Webex.WholesaleCustomer;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>The one mapping between the resource model and the Webex API, shared by create, read and update.</summary>
public static class WholesaleCustomerMapping
{
    public static ProvisionCustomerRequest ToProvision(WholesaleCustomerInputs inputs) => new()
    {
        ProvisioningId = inputs.ProvisioningId!,
        Packages = Packages.Normalise(inputs.Packages ?? []),
        OrgId = inputs.OrgId,
        ExternalId = inputs.ExternalId!,
        Address = ToAddress(inputs.Address)!,
        CustomerInfo = inputs.CustomerInfo is { } info ? new CustomerInfo { Name = info.Name, PrimaryEmail = info.PrimaryEmail, Language = info.Language } : null,
        ProvisioningParameters = ToParameters(inputs.ProvisioningParameters),
        SubPartnerAdminEmail = inputs.SubPartnerAdminEmail,
    };

    public static PrecheckCustomerRequest ToPrecheck(WholesaleCustomerInputs inputs) => new()
    {
        ProvisioningId = inputs.ProvisioningId,
        Packages = Packages.Normalise(inputs.Packages ?? []),
        OrgId = inputs.OrgId,
        ExternalId = inputs.ExternalId,
        Address = ToAddress(inputs.Address)!,
        CustomerInfo = inputs.CustomerInfo is { } info ? new PrecheckCustomerInfo { Name = info.Name, PrimaryEmail = info.PrimaryEmail } : null,
        // The precheck's contract has no package limits.
        ProvisioningParameters = ToParameters(inputs.ProvisioningParameters) is { } parameters ? parameters with { Packages = null } : null,
    };

    /// <summary>The complete update: every package the customer keeps, plus location parameters when they are needed.</summary>
    public static UpdateCustomerRequest ToUpdate(WholesaleCustomerInputs inputs, bool includeParameters) => new()
    {
        ExternalId = inputs.ExternalId,
        Packages = Packages.Normalise(inputs.Packages ?? []),
        Address = ToAddress(inputs.Address),
        ProvisioningParameters = includeParameters ? ToParameters(inputs.ProvisioningParameters) : null,
        SubPartnerAdminEmail = inputs.SubPartnerAdminEmail,
    };

    /// <summary>
    /// State from what Webex reports, with the inputs Webex never returns kept from <paramref name="inputs"/>.
    /// </summary>
    public static WholesaleCustomerState ToState(WebexCustomer customer, WholesaleCustomerInputs inputs) => new()
    {
        ProvisioningId = inputs.ProvisioningId,
        OrgId = customer.OrgId ?? inputs.OrgId,
        ExternalId = customer.ExternalId ?? inputs.ExternalId,
        Address = FromAddress(customer.Address) ?? inputs.Address,
        CustomerInfo = inputs.CustomerInfo,
        Packages = customer.Packages is { } packages ? Packages.Normalise(packages) : inputs.Packages,
        ProvisioningParameters = inputs.ProvisioningParameters,
        SubPartnerAdminEmail = inputs.SubPartnerAdminEmail,
        OnBehalfOfSubPartnerOrgId = inputs.OnBehalfOfSubPartnerOrgId,
        Status = customer.Status,
        PackageDetails = customer.ResourceDetails?.Packages?.Select(package => new PackageDetailState
        {
            Name = package.Name,
            Status = package.Status,
            Errors = Messages(package.Errors),
            Warnings = Messages(package.Warnings),
        }).ToList(),
        Errors = Messages(customer.Errors),
    };

    /// <summary>
    /// The inputs as they stand in Webex: what it returns, plus the create-only inputs it cannot return kept from the
    /// previous inputs. On an import there are none, and the org id stands for the existing organization.
    /// </summary>
    public static WholesaleCustomerInputs ToInputs(WebexCustomer customer, WholesaleCustomerInputs? previous) => new()
    {
        ProvisioningId = previous?.ProvisioningId,
        OrgId = previous is null ? customer.OrgId : previous.OrgId,
        ExternalId = customer.ExternalId ?? previous?.ExternalId,
        Address = FromAddress(customer.Address) ?? previous?.Address,
        CustomerInfo = previous?.CustomerInfo,
        Packages = customer.Packages is { } packages ? Packages.Normalise(packages) : previous?.Packages,
        ProvisioningParameters = previous?.ProvisioningParameters,
        SubPartnerAdminEmail = previous?.SubPartnerAdminEmail,
        OnBehalfOfSubPartnerOrgId = previous?.OnBehalfOfSubPartnerOrgId,
    };

    /// <summary>The state of a customer that is being created or changed, before Webex reports on it.</summary>
    public static WholesaleCustomerState Planned(WholesaleCustomerInputs inputs) => new()
    {
        ProvisioningId = inputs.ProvisioningId,
        OrgId = inputs.OrgId,
        ExternalId = inputs.ExternalId,
        Address = inputs.Address,
        CustomerInfo = inputs.CustomerInfo,
        Packages = inputs.Packages,
        ProvisioningParameters = inputs.ProvisioningParameters,
        SubPartnerAdminEmail = inputs.SubPartnerAdminEmail,
        OnBehalfOfSubPartnerOrgId = inputs.OnBehalfOfSubPartnerOrgId,
    };

    /// <summary>The state as last seen in Webex, or as planned when Webex was never reached.</summary>
    public static WholesaleCustomerState LastKnown(WebexCustomer? lastSeen, WholesaleCustomerInputs inputs) =>
        lastSeen is null ? Planned(inputs) : ToState(lastSeen, inputs);

    private static CustomerAddress? ToAddress(AddressInput? address) => address is null ? null : new CustomerAddress
    {
        AddressLine1 = address.AddressLine1, AddressLine2 = address.AddressLine2, City = address.City,
        StateOrProvince = address.StateOrProvince, ZipOrPostalCode = address.ZipOrPostalCode, Country = address.Country,
    };

    public static AddressInput? FromAddress(CustomerAddress? address) => address is null ? null : new AddressInput
    {
        AddressLine1 = address.AddressLine1, AddressLine2 = address.AddressLine2, City = address.City,
        StateOrProvince = address.StateOrProvince, ZipOrPostalCode = address.ZipOrPostalCode, Country = address.Country,
    };

    private static ProvisioningParameters? ToParameters(ProvisioningParametersInput? parameters) => parameters is null ? null : new ProvisioningParameters
    {
        Calling = parameters.Calling?.Location is { } location
            ? new CallingParameters
            {
                Location = new CallingLocation
                {
                    Name = location.Name, Address = ToAddress(location.Address), Timezone = location.Timezone, Language = location.Language,
                    EmergencyLocationIdentifier = location.EmergencyLocationIdentifier, Numbers = location.Numbers, MainNumber = location.MainNumber,
                },
            }
            : null,
        Meetings = parameters.Meetings is { } meetings ? new MeetingsParameters { Timezone = meetings.Timezone } : null,
        Packages = parameters.Packages?.Limits is { } limits ? new PackageParameters { Limits = limits } : null,
    };

    private static List<WebexMessageState>? Messages(IReadOnlyList<WebexErrorDetail>? details) =>
        details is null or { Count: 0 } ? null : [.. details.Select(detail => new WebexMessageState { ErrorCode = detail.ErrorCode, Description = detail.Description })];
}
