using System.Text.RegularExpressions;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// Local validation of the inputs: every failure names the property path and says how to fix it. Values that are
/// unknown during a preview are not judged. Rules that only matter when a customer is created (the template, the
/// customer's identity) apply only then.
/// </summary>
public static partial class WholesaleCustomerValidation
{
    public const int MaxAddressLine = 50;

    public sealed record Result(IReadOnlyList<InputFailure> Failures, IReadOnlyList<string> Warnings);

    /// <param name="inputs">the decoded inputs</param>
    /// <param name="creating">true when the customer does not exist yet (Check without olds)</param>
    /// <param name="oldPackages">the packages the customer has now; calling parameters are needed for the added ones</param>
    public static Result Validate(Decoded<WholesaleCustomerInputs> inputs, bool creating, IReadOnlyCollection<string> oldPackages)
    {
        var v = new InputValidator(inputs.Unknowns);
        var value = inputs.Value;

        if (creating)
        {
            v.Required("provisioningId", value.ProvisioningId,
                "is required to create a customer: copy the Provisioning ID shown under your Customer Template in Partner Hub");
            if (value.OrgId is null && value.CustomerInfo is null && !v.IsUnknown("orgId") && !v.IsUnknown("customerInfo"))
            {
                v.Fail("customerInfo", "is required for a new customer (name and primaryEmail); or set orgId to onboard an existing Webex organization");
            }
        }

        v.Required("externalId", value.ExternalId, "is required: your own identifier of the customer, e.g. its id in your billing system");
        v.InUrl("externalId", value.ExternalId, "the externalId (looked up to keep it unique)");
        v.InUrl("onBehalfOfSubPartnerOrgId", value.OnBehalfOfSubPartnerOrgId, "the sub-partner's org id");
        ValidateAddress(v, "address", value.Address);
        ValidateCustomerInfo(v, value.CustomerInfo);
        ValidatePackages(v, value.Packages);
        ValidateProvisioningParameters(v, value, oldPackages);
        if (value.SubPartnerAdminEmail is { } adminEmail)
        {
            v.Email("subPartnerAdminEmail", adminEmail);
        }

        return new Result(v.Failures, v.Warnings);
    }

    private static void ValidateAddress(InputValidator v, string path, AddressInput? address)
    {
        if (address is null)
        {
            v.Required(path, null, "is required: the customer's billing address (addressLine1, city, country)");
            return;
        }

        v.Required($"{path}.addressLine1", address.AddressLine1, "is required");
        v.Required($"{path}.city", address.City, "is required");
        v.Required($"{path}.country", address.Country, "is required: a two-letter ISO 3166 country code such as US");
        if (address.Country is { } country && !CountryCode().IsMatch(country))
        {
            v.Fail($"{path}.country", $"'{Echo.Of(country)}' is not a two-letter ISO 3166 country code in capitals, such as US or DE");
        }

        foreach (var (name, line) in new[] { ("addressLine1", address.AddressLine1), ("addressLine2", address.AddressLine2) })
        {
            if (line is { Length: > MaxAddressLine })
            {
                v.Fail($"{path}.{name}", $"is {line.Length} characters long; Webex accepts at most {MaxAddressLine} per address line");
            }
        }
    }

    private static void ValidateCustomerInfo(InputValidator v, CustomerInfoInput? info)
    {
        if (info is null)
        {
            return;
        }

        v.Required("customerInfo.name", info.Name, "is required: the customer's name as it appears in Webex");
        if (info.Name?.Contains('%') == true)
        {
            v.Fail("customerInfo.name", "must not contain the % character (Webex refuses it)");
        }

        v.Required("customerInfo.primaryEmail", info.PrimaryEmail, "is required: the e-mail of the customer's first administrator");
        if (info.PrimaryEmail is { } email)
        {
            v.Email("customerInfo.primaryEmail", email);
        }

        if (info.Language is { } language && !CustomerLanguage().IsMatch(language))
        {
            v.Fail("customerInfo.language", $"'{Echo.Of(language)}' is not a language code: use an ISO 639-1 code, optionally with a country, e.g. en or en_US");
        }
    }

    private static void ValidatePackages(InputValidator v, IReadOnlyList<string?>? packages)
    {
        if (packages is null)
        {
            v.Required("packages", null, "is required: the packages to assign, e.g. [\"webex_meetings\"]");
            return;
        }

        if (packages.Count == 0)
        {
            v.Fail("packages", "must list at least one package, e.g. [\"webex_meetings\"]");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unknownNames = new List<string>();
        for (var i = 0; i < packages.Count; i++)
        {
            var name = packages[i];
            if (v.IsUnknown($"packages[{i}]"))
            {
                continue;
            }

            if (name is null)
            {
                // An undefined element in a TypeScript or YAML program arrives as null.
                v.Fail($"packages[{i}]", "is null: give a package name there or remove the element");
            }
            else if (!seen.Add(name))
            {
                v.Fail($"packages[{i}]", $"lists '{Echo.Of(name)}' a second time; list each package once");
            }
            else if (!PackageCatalog.Known.Contains(name))
            {
                unknownNames.Add(name);
            }
        }

        if (unknownNames.Count > 0)
        {
            // One warning however many: a program with thousands of made-up names must not flood the engine's log.
            var listed = string.Join(", ", unknownNames.Take(ListedUnknownPackages).Select(name => $"'{Echo.Of(name)}'"));
            var more = unknownNames.Count > ListedUnknownPackages ? $" and {unknownNames.Count - ListedUnknownPackages} more" : "";
            v.Warn($"packages: {listed}{more} {(unknownNames.Count == 1 ? "is not a package" : "are not packages")} this provider knows " +
                   $"({string.Join(", ", PackageCatalog.Known.Order())}); sent as they are, in case Webex added them recently");
        }
    }

    /// <summary>How many unknown package names the one warning about them lists; the rest are counted.</summary>
    public const int ListedUnknownPackages = 10;

    private static void ValidateProvisioningParameters(InputValidator v, WholesaleCustomerInputs value, IReadOnlyCollection<string> oldPackages)
    {
        var parameters = value.ProvisioningParameters;
        var addedCalling = PackageSet.Of(value.Packages).Except(PackageSet.Of(oldPackages)).Where(PackageCatalog.Calling.Contains).ToList();
        var location = parameters?.Calling?.Location;
        if (addedCalling.Count > 0 && location is null && !v.IsUnknown("provisioningParameters.calling.location"))
        {
            v.Fail("provisioningParameters.calling.location",
                $"is required when calling packages are added ({string.Join(", ", addedCalling)}): the customer's first calling location " +
                "with name, address, timezone and language");
        }

        if (location is not null)
        {
            const string path = "provisioningParameters.calling.location";
            v.Required($"{path}.name", location.Name, "is required: the location's name, e.g. Head Office");
            ValidateAddress(v, $"{path}.address", location.Address);
            v.Required($"{path}.timezone", location.Timezone, "is required: a time zone from Cisco's list for wholesale provisioning, e.g. America/Los_Angeles");
            Timezone(v, $"{path}.timezone", location.Timezone);
            v.Required($"{path}.language", location.Language, "is required: the language of announcements and e-mails, e.g. en_us");
            if (location.Language is { } language && !LocationLanguage().IsMatch(language))
            {
                v.Fail($"{path}.language", $"'{Echo.Of(language)}' is not a language code such as en_us or fr_ca");
            }
        }

        Timezone(v, "provisioningParameters.meetings.timezone", parameters?.Meetings?.Timezone);
        foreach (var (name, limit) in parameters?.Packages?.Limits ?? new Dictionary<string, double>())
        {
            var path = $"provisioningParameters.packages.limits{(name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "." + name : $"[\"{name}\"]")}";
            if (limit < 0 || limit != Math.Floor(limit))
            {
                v.Fail(path, $"is {limit}; a package limit is a whole number of licences, 0 or more");
            }

            if (!PackageCatalog.Known.Contains(name))
            {
                v.Warn($"{path}: '{Echo.Of(name)}' is not a package this provider knows; Webex may refuse the limit");
            }
        }
    }

    private static void Timezone(InputValidator v, string path, string? timezone)
    {
        if (timezone is not null && !TimezoneName().IsMatch(timezone))
        {
            v.Fail(path, $"'{Echo.Of(timezone)}' is not a time zone name such as America/Los_Angeles or Europe/Berlin");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z]{2}([_-][A-Za-z]{2})?$")]
    private static partial Regex CustomerLanguage();

    [GeneratedRegex("^[a-z]{2}[_-][a-z]{2}$", RegexOptions.IgnoreCase)]
    private static partial Regex LocationLanguage();

    [GeneratedRegex(@"^(UTC|GMT|[A-Za-z]+(/[A-Za-z0-9_+\-]+)+)$")]
    private static partial Regex TimezoneName();
}
