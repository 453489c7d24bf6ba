using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// The inputs of <c>webex-wholesale:index:WholesaleCustomer</c>, named as in the Webex API. Everything is nullable:
/// absent and unknown (preview) inputs arrive as null, and validation says what is required. The summaries below are
/// the schema's descriptions.
/// </summary>
public sealed record WholesaleCustomerInputs
{
    /// <summary>Id of the Customer Template in Partner Hub that defines how the customer is provisioned; shown under the template. Required to create a customer (Check says so); an adopted customer may leave it out. Used when the customer is created; a change replaces the customer. Example: <c>ZjViMzYxODctYzhkZC00NzI3</c>.</summary>
    [RequiredToCreate, ReplaceOnChanges, NotReturned]
    public string? ProvisioningId { get; init; }

    /// <summary>Webex organization id of an existing enterprise to onboard instead of creating a new organization (then <c>customerInfo</c> may be left out); in the state, the organization Webex created for a new customer. A change replaces the customer. Example: <c>Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8xMjM</c>.</summary>
    [ReplaceOnChanges, Computed]
    public string? OrgId { get; init; }

    /// <summary>Your own identifier of the customer, e.g. its id in your billing system; it must be unique in your fleet. Can be changed in place. Example: <c>acme-0001</c>.</summary>
    [Required]
    public string? ExternalId { get; init; }

    /// <summary>Billing address of the customer. Can be changed in place. Example: <c>{addressLine1: 771 Alder Drive, city: Milpitas, stateOrProvince: CA, zipOrPostalCode: "95035", country: US}</c>.</summary>
    [Required]
    public AddressInput? Address { get; init; }

    /// <summary>Name, administrator e-mail and language of a new customer; required unless <c>orgId</c> is set. A change replaces the customer. Example: <c>{name: Acme Pizza, primaryEmail: it-admin@acme.example, language: en}</c>.</summary>
    [ReplaceOnChanges, NotReturned]
    public CustomerInfoInput? CustomerInfo { get; init; }

    /// <summary>The complete set of Webex Wholesale packages the customer has; the order does not matter, a package left out is removed. Names Webex added after this provider was released are accepted with a warning. Example: <c>["webex_calling", "webex_meetings"]</c>.</summary>
    [Required, Unordered]
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary>Settings the packages need, such as the first calling location. Webex never returns them; they are kept from your program. Example: <c>{calling: {location: {name: Head Office, address: {...}, timezone: America/Los_Angeles, language: en_us}}}</c>.</summary>
    [NotReturned]
    public ProvisioningParametersInput? ProvisioningParameters { get; init; }

    /// <summary>E-mail of the administrator of the sub-partner organization the customer belongs to. Example: <c>admin@subpartner.example</c>.</summary>
    [NotReturned]
    public string? SubPartnerAdminEmail { get; init; }

    /// <summary>Manage the customer on behalf of this sub-partner organization. A change replaces the customer. Example: <c>Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9hYmM</c>.</summary>
    [ReplaceOnChanges, NotReturned]
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}
