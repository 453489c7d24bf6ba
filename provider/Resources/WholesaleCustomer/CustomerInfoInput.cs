using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>Who the new customer is. Webex uses it only when it creates the customer's organization and never returns it, so a change replaces the customer.</summary>
[SchemaType("CustomerInfo")]
public sealed record CustomerInfoInput
{
    /// <summary>The customer's name as it appears in Webex; the <c>%</c> character is not allowed. Example: <c>Acme Pizza</c>.</summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>E-mail of the customer's first administrator; it must not belong to another Webex user. Example: <c>it-admin@acme.example</c>.</summary>
    [Required]
    public string? PrimaryEmail { get; init; }

    /// <summary>Language of the organization and its meeting sites: an ISO 639-1 code, optionally with an ISO 3166 country. Example: <c>en</c> or <c>fr_CA</c>.</summary>
    public string? Language { get; init; }
}
