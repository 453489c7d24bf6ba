namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>What the provider knows of Webex Wholesale packages (the contract's list of 2026-04).</summary>
public static class PackageCatalog
{
    /// <summary>Known package names. Webex adds packages several times a year: an unknown name is a warning only.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "common_area_calling", "webex_calling", "webex_meetings", "webex_suite", "webex_voice", "cx_essentials",
        "webex_calling_standard", "cisco_calling_plan", "attendant_console", "cx_premium_agent", "cx_standard_agent",
        "cx_voice_ports", "cx_ai_assistant", "webex_ai_agent",
    };

    /// <summary>Packages that need <c>provisioningParameters.calling</c> (the customer's first calling location).</summary>
    public static readonly IReadOnlySet<string> Calling = new HashSet<string>(StringComparer.Ordinal)
    {
        "common_area_calling", "webex_calling", "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard",
    };
}
