namespace WebexWholesale.Simulator;

/// <summary>What Webex checks synchronously in a subscriber request, as the contract states it.</summary>
public static class SubscriberRules
{
    /// <summary>The contract's <c>WholesalePackagesSubscriber</c> enum (2026-04): a user holds one base package…</summary>
    public static readonly IReadOnlySet<string> BasePackages = new HashSet<string>
    {
        "webex_calling", "webex_meetings", "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard",
    };

    /// <summary>…plus add-ons (the names only <c>packages</c> accepts), each on the base packages it depends on; null: any.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>?> AddOns = new Dictionary<string, IReadOnlySet<string>?>
    {
        ["attendant_console"] = new HashSet<string> { "webex_calling", "webex_suite", "cx_essentials" },
        ["cx_premium_agent"] = null,
        ["cx_standard_agent"] = null,
    };

    /// <summary>Base packages that give the user Webex Calling, which needs a phone number or an extension.</summary>
    public static readonly IReadOnlySet<string> CallingPackages = new HashSet<string>
    {
        "webex_calling", "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard",
    };

    public static List<string> ValidateProvision(SubscriberBody body)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(body.CustomerId))
        {
            errors.Add("customerId is required");
        }

        if (string.IsNullOrWhiteSpace(body.Email) || !body.Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("email is required and must be an e-mail address");
        }

        if (body.ProvisioningParameters is null)
        {
            errors.Add("provisioningParameters is required");
        }

        var packages = PackagesOf(errors, body.Package, body.Packages);
        if (packages is not null && packages.Any(CallingPackages.Contains)
            && string.IsNullOrWhiteSpace(body.ProvisioningParameters?.PrimaryPhoneNumber) && string.IsNullOrWhiteSpace(body.ProvisioningParameters?.Extension))
        {
            errors.Add("provisioningParameters.primaryPhoneNumber or provisioningParameters.extension is required for a calling package");
        }

        return errors;
    }

    /// <summary>The packages of a request (<c>package</c> xor <c>packages</c>), or null with the errors added.</summary>
    public static List<string>? PackagesOf(List<string> errors, string? package, List<string>? packages)
    {
        if (package is not null && packages is not null)
        {
            errors.Add("give package or packages, not both");
            return null;
        }

        var list = packages ?? (package is null ? null : [package]);
        if (list is null || list.Count == 0)
        {
            errors.Add("packages is required");
            return null;
        }

        var unknown = list.Where(name => !BasePackages.Contains(name) && !AddOns.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"unknown package {string.Join(", ", unknown)}");
            return null;
        }

        var bases = list.Where(BasePackages.Contains).Distinct().ToList();
        if (bases.Count != 1)
        {
            errors.Add($"a subscriber has exactly one base package; got {(bases.Count == 0 ? "none" : string.Join(", ", bases))}");
            return null;
        }

        foreach (var addOn in list.Where(AddOns.ContainsKey))
        {
            if (AddOns[addOn] is { } needs && !needs.Contains(bases[0]))
            {
                errors.Add($"{addOn} needs one of {string.Join(", ", needs.Order())}; the base package is {bases[0]}");
            }
        }

        return [.. list.Distinct()];
    }
}
