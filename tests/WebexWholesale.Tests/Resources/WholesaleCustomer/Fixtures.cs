using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.WholesaleCustomer;

namespace WebexWholesale.Tests.Resources.WholesaleCustomer;

internal static class Fixtures
{
    public static readonly AddressInput Address = new() { AddressLine1 = "1 Main St", City = "Springfield", Country = "US", ZipOrPostalCode = "12345" };

    public static readonly LocationInput HeadOffice = new()
    {
        Name = "Head Office", Address = Address, Timezone = "America/Chicago", Language = "en_us",
    };

    public static WholesaleCustomerInputs Customer(params string[] packages) => new()
    {
        ProvisioningId = "template-1",
        ExternalId = "acme",
        Address = Address,
        CustomerInfo = new CustomerInfoInput { Name = "Acme", PrimaryEmail = "it@acme.test", Language = "en" },
        Packages = packages.Length == 0 ? ["webex_meetings"] : packages,
    };

    public static readonly WholesaleCustomerState EmptyState = new(new WholesaleCustomerInputs(), new WholesaleCustomerOutputs());

    public static Decoded<T> Known<T>(T value) => new(value, PropertyPathSet.Empty, PropertyPathSet.Empty);

    public static Decoded<T> WithUnknowns<T>(T value, params string[] paths) => new(value, PropertyPathSet.Of(paths), PropertyPathSet.Empty);
}
