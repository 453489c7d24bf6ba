namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

/// <summary>What the contract (2026-04) says of a subscriber's packages: one base package, plus add-ons.</summary>
public static class SubscriberPackages
{
    /// <summary>The base packages; a subscriber has exactly one.</summary>
    public static readonly IReadOnlySet<string> Base = new HashSet<string>(StringComparer.Ordinal)
    {
        "webex_calling", "webex_meetings", "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard",
    };

    /// <summary>The add-ons, with the base packages each depends on (null: any base package).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>?> AddOns = new Dictionary<string, IReadOnlySet<string>?>(StringComparer.Ordinal)
    {
        ["attendant_console"] = new HashSet<string>(StringComparer.Ordinal) { "webex_calling", "webex_suite", "cx_essentials" },
        ["cx_premium_agent"] = null,
        ["cx_standard_agent"] = null,
    };

    /// <summary>The base packages that give the person Webex Calling: they need a phone number or an extension.</summary>
    public static readonly IReadOnlySet<string> Calling = new HashSet<string>(StringComparer.Ordinal)
    {
        "webex_calling", "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard",
    };

    public static bool IsKnown(string name) => Base.Contains(name) || AddOns.ContainsKey(name);

    public static bool HasCalling(IEnumerable<string>? packages) => packages?.Any(Calling.Contains) == true;
}
