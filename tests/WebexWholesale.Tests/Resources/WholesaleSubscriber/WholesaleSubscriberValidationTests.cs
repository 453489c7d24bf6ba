using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;

namespace WebexWholesale.Tests.Resources.WholesaleSubscriber;

public class WholesaleSubscriberValidationTests
{
    private static WholesaleSubscriberInputs Valid(params string[] packages) => new()
    {
        CustomerId = "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMQ", Email = "ann@example.test", Packages = packages.Length == 0 ? ["webex_meetings"] : packages,
        ProvisioningParameters = new SubscriberProvisioningParametersInput { Extension = "1001" },
    };

    private static WholesaleSubscriberValidation.Result Validate(WholesaleSubscriberInputs inputs, IReadOnlyCollection<string>? oldPackages = null, params string[] unknown) =>
        WholesaleSubscriberValidation.Validate(new Decoded<WholesaleSubscriberInputs>(inputs, PropertyPathSet.Of(unknown), PropertyPathSet.Empty), oldPackages ?? []);

    [Theory]
    [InlineData("webex_meetings")]
    [InlineData("webex_calling,attendant_console")]
    [InlineData("cx_essentials,attendant_console,cx_premium_agent")]
    public void Valid_package_sets_pass(string packages) => Assert.Empty(Validate(Valid(packages.Split(','))).Failures);

    [Theory]
    [InlineData(new[] { "webex_calling", "webex_meetings" }, "packages", "has 2 base packages")]
    [InlineData(new[] { "attendant_console" }, "packages", "has no base package")]
    [InlineData(new[] { "webex_meetings", "attendant_console" }, "packages[1]", "attendant_console needs one of cx_essentials, webex_calling, webex_suite as the base package, not webex_meetings")]
    public void Package_rules_name_the_property_and_the_fix(string[] packages, string property, string reason)
    {
        var failure = Assert.Single(Validate(Valid(packages)).Failures);

        Assert.Equal(property, failure.Property);
        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calling_package_needs_a_number_or_extension_only_when_calling_is_added()
    {
        var noNumber = Valid("webex_calling") with { ProvisioningParameters = null };

        Assert.Equal("provisioningParameters", Assert.Single(Validate(noNumber).Failures).Property);
        Assert.Empty(Validate(noNumber, oldPackages: ["webex_suite"]).Failures);
    }

    [Fact]
    public void An_unknown_package_is_a_warning_and_calling_parameters_without_calling_are_a_warning()
    {
        var result = Validate(Valid("webex_meetings", "webex_hologram"));

        Assert.Empty(result.Failures);
        Assert.Contains(result.Warnings, w => w.Contains("'webex_hologram' is not a subscriber package", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("used only with a calling package", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_values_are_not_judged()
    {
        var result = Validate(Valid("webex_calling") with { CustomerId = null, ProvisioningParameters = null }, null, "customerId", "provisioningParameters");

        Assert.Empty(result.Failures);
    }

    [Theory]
    [InlineData("not-an-address", "email")]
    [InlineData("", "email")]
    public void The_email_must_be_an_address(string email, string property) =>
        Assert.Equal(property, Assert.Single(Validate(Valid() with { Email = email }).Failures).Property);
}
