using WebexWholesale.Provider.Resources.WholesaleCustomer;
using static WebexWholesale.Tests.Resources.WholesaleCustomer.Fixtures;

namespace WebexWholesale.Tests.Resources.WholesaleCustomer;

public class WholesaleCustomerValidationTests
{
    private static WholesaleCustomerValidation.Result Validate(WholesaleCustomerInputs inputs, bool creating = true, params string[] oldPackages) =>
        WholesaleCustomerValidation.Validate(Known(inputs), creating, oldPackages);

    private static void AssertFailure(WholesaleCustomerValidation.Result result, string property, string reasonPart)
    {
        var failure = Assert.Single(result.Failures, f => f.Property == property);
        Assert.Contains(reasonPart, failure.Reason);
    }

    [Fact]
    public void ACompleteCustomer_Passes() => Assert.Empty(Validate(Customer()).Failures);

    public static TheoryData<WholesaleCustomerInputs, string, string> Failures => new()
    {
        { Customer() with { ProvisioningId = null }, "provisioningId", "Customer Template" },
        { Customer() with { ExternalId = " " }, "externalId", "your own identifier" },
        { Customer() with { CustomerInfo = null }, "customerInfo", "orgId" },
        { Customer() with { Address = null }, "address", "billing address" },
        { Customer() with { Address = Address with { Country = "usa" } }, "address.country", "two-letter ISO 3166" },
        { Customer() with { Address = Address with { Country = "us" } }, "address.country", "capitals" },
        { Customer() with { Address = Address with { City = null } }, "address.city", "required" },
        { Customer() with { Address = Address with { AddressLine1 = new string('a', 51) } }, "address.addressLine1", "at most 50" },
        { Customer() with { Address = Address with { AddressLine2 = new string('a', 60) } }, "address.addressLine2", "60 characters" },
        { Customer() with { CustomerInfo = new CustomerInfoInput { Name = "100% Pizza", PrimaryEmail = "a@b.test" } }, "customerInfo.name", "%" },
        { Customer() with { CustomerInfo = new CustomerInfoInput { Name = "Acme", PrimaryEmail = "not-an-email" } }, "customerInfo.primaryEmail", "not an e-mail" },
        { Customer() with { CustomerInfo = new CustomerInfoInput { Name = "Acme", PrimaryEmail = "a@b.test", Language = "English" } }, "customerInfo.language", "ISO 639-1" },
        { Customer() with { Packages = [] }, "packages", "at least one" },
        { Customer() with { Packages = null }, "packages", "required" },
        { Customer("webex_meetings", "webex_suite", "webex_meetings"), "packages[2]", "second time" },
        { Customer("webex_calling"), "provisioningParameters.calling.location", "webex_calling" },
        { Customer() with { SubPartnerAdminEmail = "nobody" }, "subPartnerAdminEmail", "not an e-mail" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void EachRule_NamesThePropertyAndTheFix(WholesaleCustomerInputs inputs, string property, string reasonPart) =>
        AssertFailure(Validate(inputs), property, reasonPart);

    [Fact]
    public void CallingLocation_IsCheckedField_ByField()
    {
        var inputs = Customer("webex_calling") with
        {
            ProvisioningParameters = new ProvisioningParametersInput
            {
                Calling = new CallingParametersInput { Location = HeadOffice with { Timezone = "Central Time", Language = null, Address = Address with { Country = "XXX" } } },
            },
        };

        var result = Validate(inputs);

        AssertFailure(result, "provisioningParameters.calling.location.timezone", "America/Los_Angeles");
        AssertFailure(result, "provisioningParameters.calling.location.language", "en_us");
        AssertFailure(result, "provisioningParameters.calling.location.address.country", "ISO 3166");
    }

    [Fact]
    public void CallingLocation_IsNeededOnlyForAddedCallingPackages()
    {
        Assert.Empty(Validate(Customer("webex_calling", "webex_meetings"), creating: false, "webex_calling").Failures);
        AssertFailure(Validate(Customer("webex_calling", "webex_suite"), creating: false, "webex_calling"),
            "provisioningParameters.calling.location", "webex_suite");
    }

    [Fact]
    public void CreateOnlyRules_DoNotApplyToAnExistingCustomer()
    {
        var imported = Customer() with { ProvisioningId = null, CustomerInfo = null };

        Assert.Empty(Validate(imported, creating: false, "webex_meetings").Failures);
    }

    [Fact]
    public void OrgId_StandsInForCustomerInfo() =>
        Assert.Empty(Validate(Customer() with { CustomerInfo = null, OrgId = "Y2lz" }).Failures);

    [Fact]
    public void UnknownPackage_IsAWarningNotAFailure()
    {
        var result = Validate(Customer("webex_meetings", "webex_hologram"));

        Assert.Empty(result.Failures);
        Assert.Contains(result.Warnings, w => w.StartsWith("packages: 'webex_hologram' is not a package", StringComparison.Ordinal));
    }

    [Fact]
    public void ThousandsOfUnknownPackages_AreOneWarning_ListingTenAndCountingTheRest()
    {
        var result = Validate(Customer(["webex_meetings", .. Enumerable.Range(0, 30_000).Select(i => $"made_up_{i}")]));

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("'made_up_9'", warning);
        Assert.DoesNotContain("'made_up_10'", warning);
        Assert.Contains("and 29990 more", warning);
        Assert.True(warning.Length < 1000, $"{warning.Length} characters");
    }

    [Fact]
    public void AnExternalIdTooLongForTheLookupUrl_IsRefusedAtCheck()
    {
        var failure = Assert.Single(Validate(Customer("webex_meetings") with { ExternalId = new string('x', 5_000_000) }).Failures);

        Assert.Equal("externalId", failure.Property);
        Assert.Contains("has 5,000,000 characters; at most 1,024", failure.Reason);
    }

    [Fact]
    public void ANullPackage_IsAFailureAtItsIndex()
    {
        var result = Validate(Customer(["webex_meetings", null!]));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("packages[1]", failure.Property);
        Assert.Contains("is null", failure.Reason);
    }

    [Fact]
    public void NegativeOrFractionalLimit_Fails()
    {
        var inputs = Customer() with
        {
            ProvisioningParameters = new ProvisioningParametersInput
            {
                Packages = new PackageParametersInput { Limits = new Dictionary<string, double> { ["webex_meetings"] = -1, ["webex_calling"] = 2.5 } },
            },
        };

        var result = Validate(inputs);

        AssertFailure(result, "provisioningParameters.packages.limits.webex_meetings", "whole number");
        AssertFailure(result, "provisioningParameters.packages.limits.webex_calling", "whole number");
    }

    [Fact]
    public void UnknownValues_AreNotJudged()
    {
        var inputs = Customer("webex_calling") with { ExternalId = null, Address = null, ProvisioningParameters = null };

        var result = WholesaleCustomerValidation.Validate(WithUnknowns(inputs, "externalId", "address", "provisioningParameters.calling.location"), true, []);

        Assert.Empty(result.Failures);
    }
}
