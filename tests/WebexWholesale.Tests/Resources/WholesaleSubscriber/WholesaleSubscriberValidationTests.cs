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

    [Fact]
    public void A_sub_partner_org_id_too_long_for_a_url_is_refused_at_check()
    {
        var failure = Assert.Single(Validate(Valid() with { OnBehalfOfSubPartnerOrgId = new string('o', 5_000_000) }).Failures);

        Assert.Equal("onBehalfOfSubPartnerOrgId", failure.Property);
        Assert.Contains("at most 1,024", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_package_element_is_a_failure_at_its_index_not_a_crash()
    {
        var result = Validate(Valid("webex_meetings", null!));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("packages[1]", failure.Property);
        Assert.Contains("is null", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Thirty_thousand_unknown_packages_are_one_warning_that_lists_ten_and_counts_the_rest()
    {
        var result = Validate(Valid(["webex_meetings", .. Enumerable.Range(0, 30_000).Select(i => $"made_up_{i}")]));

        var warning = Assert.Single(result.Warnings, w => w.StartsWith("packages:", StringComparison.Ordinal));
        Assert.Contains("30000 names are not subscriber packages", warning, StringComparison.Ordinal);
        Assert.Contains("and 29990 more", warning, StringComparison.Ordinal);
        Assert.True(warning.Length < 1000, $"{warning.Length} characters");
    }

    [Theory]
    [InlineData("ann@example.test\n", "U+000A")]
    [InlineData("ann\u0000@example.test", "U+0000")]
    [InlineData("ann\u200B@example.test", "U+200B")]
    [InlineData("ann\u202E@example.test", "U+202E")]
    [InlineData("annLONE@example.test", "half of a broken character")]
    [InlineData("ann @example.test", "U+0020")]
    [InlineData("a@b..c", "domain")]
    [InlineData("a@.example.test", "domain")]
    [InlineData("a@example", "domain")]
    [InlineData("a.@example.test", "starts or ends with a dot")]
    [InlineData("a..b@example.test", "two dots in a row")]
    [InlineData("a@b@example.test", "exactly one @")]
    [InlineData("@example.test", "exactly one @")]
    [InlineData("LOCAL65@example.test", "may have at most 64")]
    [InlineData("LONG5010", "at most 254")]
    public void Emails_Webex_would_refuse_are_refused_at_check_naming_why(string email, string why)
    {
        email = System.Text.RegularExpressions.Regex.Unescape(email)
            .Replace("LONE", "\uD800", StringComparison.Ordinal)
            .Replace("LOCAL65", new string('a', 65), StringComparison.Ordinal)
            .Replace("LONG5010", new string('a', 60) + "@" + string.Join(".", Enumerable.Repeat(new string('b', 50), 97)), StringComparison.Ordinal);

        var failure = Assert.Single(Validate(Valid() with { Email = email }).Failures);

        Assert.Equal("email", failure.Property);
        Assert.Contains(why, failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kate-6@example.test")]
    [InlineData("\u212Aate-6@example.test")]
    [InlineData("\u212Bsa@example.test")]
    [InlineData("\u2126mega@example.test")]
    [InlineData("jos\u00E9@example.test")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("LOCAL64@example.test")]
    public void Real_addresses_pass_including_unicode_ones(string email)
    {
        email = System.Text.RegularExpressions.Regex.Unescape(email).Replace("LOCAL64", new string('a', 64), StringComparison.Ordinal);

        Assert.Empty(Validate(Valid() with { Email = email }).Failures);
    }
}
