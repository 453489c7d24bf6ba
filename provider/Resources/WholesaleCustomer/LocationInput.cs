using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>The first Webex Calling location Webex creates for the customer.</summary>
[SchemaType("CallingLocation")]
public sealed record LocationInput
{
    /// <summary>Name of the location. Example: <c>Head Office</c>.</summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>Address of the location.</summary>
    [Required]
    public AddressInput? Address { get; init; }

    /// <summary>Time zone from Cisco's list for wholesale provisioning. Example: <c>America/Los_Angeles</c>.</summary>
    [Required]
    public string? Timezone { get; init; }

    /// <summary>Language of announcements and e-mails for the location. Example: <c>en_us</c>.</summary>
    [Required]
    public string? Language { get; init; }

    /// <summary>Emergency location identifier (ELIN) sent with emergency calls from this location. Example: <c>95547</c>.</summary>
    public string? EmergencyLocationIdentifier { get; init; }

    /// <summary>Phone numbers for the location. Accepted by older Webex API revisions only; sent only when set. Example: <c>["+14085550100"]</c>.</summary>
    public IReadOnlyList<string>? Numbers { get; init; }

    /// <summary>Main number of the location. Accepted by older Webex API revisions only; sent only when set. Example: <c>+14085550100</c>.</summary>
    public string? MainNumber { get; init; }
}
