using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>A postal address as Webex stores it.</summary>
[SchemaType("Address")]
public sealed record AddressInput
{
    /// <summary>First address line, at most 50 characters. Example: <c>771 Alder Drive</c>.</summary>
    [Required]
    public string? AddressLine1 { get; init; }

    /// <summary>Second address line, at most 50 characters. Example: <c>Suite 5</c>.</summary>
    public string? AddressLine2 { get; init; }

    /// <summary>City. Example: <c>Milpitas</c>.</summary>
    [Required]
    public string? City { get; init; }

    /// <summary>State or province; required in some countries. Example: <c>CA</c>.</summary>
    public string? StateOrProvince { get; init; }

    /// <summary>ZIP or postal code; required in some countries. Example: <c>95035</c>.</summary>
    public string? ZipOrPostalCode { get; init; }

    /// <summary>Two-letter ISO 3166 country code in capitals; it also chooses the default dial-in numbers of the customer's meeting sites. Example: <c>US</c>.</summary>
    [Required]
    public string? Country { get; init; }
}
