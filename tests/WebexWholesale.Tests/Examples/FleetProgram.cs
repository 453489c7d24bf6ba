using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;
using WebexWholesaleFleet;

namespace WebexWholesale.Tests.Examples;

/// <summary>What examples/csharp/Program.cs declares for a fleet entry, as the provider's typed inputs.</summary>
internal static class FleetProgram
{
    public static WholesaleCustomerInputs Inputs(FleetFile fleet, CustomerEntry entry) => new()
    {
        ProvisioningId = string.IsNullOrEmpty(fleet.ProvisioningId) ? null : fleet.ProvisioningId,
        ExternalId = entry.ExternalId,
        Address = Address(entry.Address),
        CustomerInfo = string.IsNullOrEmpty(entry.Name) && string.IsNullOrEmpty(entry.PrimaryEmail)
            ? null
            : new CustomerInfoInput { Name = entry.Name, PrimaryEmail = entry.PrimaryEmail, Language = entry.Language },
        Packages = entry.Packages,
        ProvisioningParameters = entry.CallingLocation is { } location
            ? new ProvisioningParametersInput
            {
                Calling = new CallingParametersInput
                {
                    Location = new LocationInput { Name = location.Name, Timezone = location.Timezone, Language = location.Language, Address = Address(location.Address ?? entry.Address) },
                },
            }
            : null,
    };

    /// <param name="customerId">the customer's id, unknown until it exists (a stand-in here)</param>
    public static WholesaleSubscriberInputs Inputs(SubscriberEntry entry, string customerId) => new()
    {
        CustomerId = customerId,
        Email = entry.Email,
        Packages = entry.Packages,
        ProvisioningParameters = new SubscriberProvisioningParametersInput
        {
            FirstName = entry.FirstName, LastName = entry.LastName, Extension = entry.Extension, PrimaryPhoneNumber = entry.PrimaryPhoneNumber,
        },
    };

    private static AddressInput Address(AddressEntry entry) => new()
    {
        AddressLine1 = entry.AddressLine1, AddressLine2 = entry.AddressLine2, City = entry.City,
        StateOrProvince = entry.StateOrProvince, ZipOrPostalCode = entry.ZipOrPostalCode, Country = entry.Country,
    };
}
