using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex;
using static WebexWholesale.Tests.Resources.WholesaleCustomer.Fixtures;

namespace WebexWholesale.Tests.Resources.WholesaleCustomer;

/// <summary>"Webex already matches" is derived from the update mapping: every field the update sends counts, no list to keep.</summary>
public class WholesaleCustomerMappingTests
{
    private static readonly WholesaleCustomerInputs Deployed = Customer("webex_meetings", "webex_calling") with
    {
        SubPartnerAdminEmail = "admin@sub.test",
        ProvisioningParameters = new ProvisioningParametersInput { Calling = new CallingParametersInput { Location = HeadOffice } },
    };

    private static readonly Customer InWebex = new()
    {
        Id = "c1", ExternalId = "acme", Status = CustomerStatus.Provisioned, Packages = ["webex_calling", "webex_meetings"],
        Address = new CustomerAddress { AddressLine1 = "1 Main St", City = "Springfield", Country = "US", ZipOrPostalCode = "12345" },
    };

    [Fact]
    public void TheSameProgram_Matches() => Assert.True(WholesaleCustomerMapping.WebexMatches(InWebex, Deployed, Deployed));

    [Fact]
    public void ReorderedPackages_Match() =>
        Assert.True(WholesaleCustomerMapping.WebexMatches(InWebex, Deployed, Deployed with { Packages = ["webex_meetings", "webex_calling"] }));

    [Fact]
    public void CreateOnlyInputs_AreNotSentOnUpdate_SoTheyDoNotCount() =>
        Assert.True(WholesaleCustomerMapping.WebexMatches(InWebex, Deployed, Deployed with { CustomerInfo = new CustomerInfoInput { Name = "Other" } }));

    public static TheoryData<string, WholesaleCustomerInputs> Changes => new()
    {
        { "packages", Deployed with { Packages = ["webex_meetings"] } },
        { "externalId", Deployed with { ExternalId = "acme-2" } },
        { "address", Deployed with { Address = Address with { City = "Shelbyville" } } },
        { "subPartnerAdminEmail (Webex never returns it)", Deployed with { SubPartnerAdminEmail = "other@sub.test" } },
        { "provisioningParameters (Webex never returns them)", Deployed with { ProvisioningParameters = null } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void AChangeToAnythingTheUpdateSends_DoesNotMatch(string what, WholesaleCustomerInputs news) =>
        Assert.False(WholesaleCustomerMapping.WebexMatches(InWebex, Deployed, news), what);

    [Fact]
    public void DriftInWebex_DoesNotMatch() =>
        Assert.False(WholesaleCustomerMapping.WebexMatches(InWebex with { Packages = ["webex_meetings"] }, Deployed, Deployed));
}
