using System.Text.RegularExpressions;

namespace WebexWholesale.Simulator;

/// <summary>The validation Webex applies synchronously (HTTP 400), as far as the contract and Cisco's guide state it.</summary>
public static partial class WebexRules
{
    /// <summary>Package names of the contract's <c>WholesalePackagesCustomer</c> enum (2026-04).</summary>
    public static readonly IReadOnlySet<string> Packages = new HashSet<string>
    {
        "common_area_calling", "webex_calling", "webex_meetings", "webex_suite", "webex_voice", "cx_essentials",
        "webex_calling_standard", "cisco_calling_plan", "attendant_console", "cx_premium_agent", "cx_standard_agent",
        "cx_voice_ports", "cx_ai_assistant", "webex_ai_agent",
    };

    /// <summary>Packages that need <c>provisioningParameters.calling</c> when they are added.</summary>
    public static readonly IReadOnlySet<string> CallingPackages = new HashSet<string>
    {
        "common_area_calling", "webex_calling", "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard",
    };

    public const int MaxAddressLine = 50;

    public static List<string> ValidateProvision(ProvisionBody body)
    {
        var errors = new List<string>();
        Require(errors, body.ProvisioningId, "provisioningId");
        Require(errors, body.ExternalId, "externalId");
        ValidatePackages(errors, body.Packages);
        ValidateAddress(errors, body.Address, "address");
        if (body.OrgId is null && body.CustomerInfo is null)
        {
            errors.Add("customerInfo is required for a new customer (or give the orgId of an existing organization)");
        }

        ValidateCustomerInfo(errors, body.CustomerInfo);
        ValidateCalling(errors, body.ProvisioningParameters, body.Packages ?? []);
        return errors;
    }

    public static List<string> ValidateUpdate(UpdateBody body, IReadOnlyCollection<string> currentPackages)
    {
        var errors = new List<string>();
        ValidatePackages(errors, body.Packages);
        if (body.Address is not null)
        {
            ValidateAddress(errors, body.Address, "address");
        }

        var added = (body.Packages ?? []).Except(currentPackages).ToList();
        ValidateCalling(errors, body.ProvisioningParameters, added);
        return errors;
    }

    private static void ValidatePackages(List<string> errors, List<string>? packages)
    {
        if (packages is null || packages.Count == 0)
        {
            errors.Add("packages must list at least one package");
            return;
        }

        errors.AddRange(packages.Where(name => !Packages.Contains(name)).Select(name => $"packages: '{name}' is not a Webex Wholesale package"));
        errors.AddRange(packages.GroupBy(name => name).Where(group => group.Count() > 1).Select(group => $"packages: '{group.Key}' is listed twice"));
    }

    private static void ValidateAddress(List<string> errors, SimAddress? address, string path)
    {
        if (address is null)
        {
            errors.Add($"{path} is required");
            return;
        }

        Require(errors, address.AddressLine1, $"{path}.addressLine1");
        Require(errors, address.City, $"{path}.city");
        if (address.Country is null || !CountryCode().IsMatch(address.Country))
        {
            errors.Add($"{path}.country must be a two-letter ISO 3166 code such as US");
        }

        foreach (var (line, name) in new[] { (address.AddressLine1, "addressLine1"), (address.AddressLine2, "addressLine2") })
        {
            if (line is { Length: > MaxAddressLine })
            {
                errors.Add($"{path}.{name} is longer than {MaxAddressLine} characters");
            }
        }
    }

    private static void ValidateCustomerInfo(List<string> errors, SimCustomerInfo? info)
    {
        if (info is null)
        {
            return;
        }

        Require(errors, info.Name, "customerInfo.name");
        if (info.Name?.Contains('%') == true)
        {
            errors.Add("customerInfo.name must not contain the % character");
        }

        if (info.PrimaryEmail is null || !Email().IsMatch(info.PrimaryEmail))
        {
            errors.Add("customerInfo.primaryEmail must be an e-mail address");
        }
    }

    private static void ValidateCalling(List<string> errors, SimProvisioningParameters? parameters, IEnumerable<string> addedPackages)
    {
        var location = parameters?.Calling?.Location;
        if (parameters?.Calling is null)
        {
            if (addedPackages.Any(CallingPackages.Contains))
            {
                errors.Add("provisioningParameters.calling is required when calling packages are provisioned");
            }

            return;
        }

        if (location is null)
        {
            errors.Add("provisioningParameters.calling.location is required");
            return;
        }

        Require(errors, location.Name, "provisioningParameters.calling.location.name");
        Require(errors, location.Timezone, "provisioningParameters.calling.location.timezone");
        Require(errors, location.Language, "provisioningParameters.calling.location.language");
        ValidateAddress(errors, location.Address, "provisioningParameters.calling.location.address");
    }

    private static void Require(List<string> errors, string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path} is required");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
