using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// The one mapping between the resource model and the Webex API, shared by create, read and update: what Webex is
/// sent (<see cref="ToProvision"/>, <see cref="ToUpdate"/>) and how what it returns reads back (<see cref="ToInputs"/>).
/// Whether Webex already matches the program is derived from the same two directions (<see cref="WebexMatches"/>).
/// </summary>
public static class WholesaleCustomerMapping
{
    public static ProvisionCustomerRequest ToProvision(WholesaleCustomerInputs inputs) => new()
    {
        ProvisioningId = inputs.ProvisioningId!,
        Packages = PackageSet.Of(inputs.Packages),
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
        Packages = PackageSet.Of(inputs.Packages),
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
        Packages = PackageSet.Of(inputs.Packages),
        Address = ToAddress(inputs.Address),
        ProvisioningParameters = includeParameters ? ToParameters(inputs.ProvisioningParameters) : null,
        SubPartnerAdminEmail = inputs.SubPartnerAdminEmail,
    };

    /// <summary>
    /// Whether Webex holds what <paramref name="news"/> asks for: the update <paramref name="news"/> would send equals
    /// the one that would restate the customer as it is (what Webex returns, plus what it cannot return taken from
    /// <paramref name="oldInputs"/>, which Webex was last sent). Every field the update sends counts, with no list to keep.
    /// </summary>
    public static bool WebexMatches(Customer current, WholesaleCustomerInputs oldInputs, WholesaleCustomerInputs news) =>
        CustomerModels.SameContent(ToUpdate(ToInputs(current, oldInputs), includeParameters: true), ToUpdate(news, includeParameters: true));

    /// <summary>The state: the inputs as they stand in Webex, and what Webex reports. Webex assigns the org of a new customer.</summary>
    public static WholesaleCustomerState ToState(Customer customer, WholesaleCustomerInputs inputs) =>
        new(ToInputs(customer, inputs) with { OrgId = customer.OrgId ?? inputs.OrgId }, ToOutputs(customer));

    public static WholesaleCustomerOutputs ToOutputs(Customer customer) => new()
    {
        Status = customer.Status,
        PackageDetails = customer.ResourceDetails?.Packages?.Select(package => new PackageDetailOutput
        {
            Name = package.Name,
            Status = package.Status,
            Errors = WebexMessageOutput.From(package.Errors),
            Warnings = WebexMessageOutput.From(package.Warnings),
        }).ToList(),
        Errors = WebexMessageOutput.From(customer.Errors),
    };

    /// <summary>
    /// The inputs as they stand in Webex: what it returns, plus the inputs it cannot return kept from
    /// <paramref name="previous"/>. On an import there are none, and the org id stands for the existing organization.
    /// </summary>
    public static WholesaleCustomerInputs ToInputs(Customer customer, WholesaleCustomerInputs? previous) => new()
    {
        ProvisioningId = previous?.ProvisioningId,
        OrgId = previous is null ? customer.OrgId : previous.OrgId,
        ExternalId = customer.ExternalId ?? previous?.ExternalId,
        Address = FromAddress(customer.Address) ?? previous?.Address,
        CustomerInfo = previous?.CustomerInfo,
        Packages = customer.Packages is { } packages ? PackageSet.Of(packages) : previous?.Packages,
        ProvisioningParameters = previous?.ProvisioningParameters,
        SubPartnerAdminEmail = previous?.SubPartnerAdminEmail,
        OnBehalfOfSubPartnerOrgId = previous?.OnBehalfOfSubPartnerOrgId,
    };

    /// <summary>The state of a customer that is being created or changed, before Webex reports on it.</summary>
    public static WholesaleCustomerState Planned(WholesaleCustomerInputs inputs) => new(inputs, new WholesaleCustomerOutputs());

    /// <summary>The state as last seen in Webex, or as planned when Webex was never reached.</summary>
    public static WholesaleCustomerState LastKnown(Customer? lastSeen, WholesaleCustomerInputs inputs) =>
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
}
