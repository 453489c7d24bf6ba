using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

/// <summary>
/// The inputs of <c>webex-wholesale:index:WholesaleSubscriber</c>, named as in the Webex API. Everything is nullable:
/// absent and unknown (preview) inputs arrive as null, and validation says what is required. The summaries below are
/// the schema's descriptions.
/// </summary>
public sealed record WholesaleSubscriberInputs
{
    /// <summary>The Webex id of the customer the subscriber belongs to: pass a <c>WholesaleCustomer</c>'s <c>id</c>, so that the customer is created first and removed last. A change replaces the subscriber. Example: <c>Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvNTJj</c>.</summary>
    [Required, ReplaceOnChanges]
    public string? CustomerId { get; init; }

    /// <summary>The person's e-mail address; one person is one subscriber of one customer. A change replaces the subscriber (the old one is removed first). Example: <c>alice@acme.example</c>.</summary>
    [Required, ReplaceOnChanges]
    public string? Email { get; init; }

    /// <summary>The subscriber's packages: exactly one base package (<c>webex_calling</c>, <c>webex_meetings</c>, <c>webex_suite</c>, <c>webex_voice</c>, <c>cx_essentials</c>, <c>webex_calling_standard</c>) plus add-ons (<c>attendant_console</c>, which needs <c>webex_calling</c>, <c>webex_suite</c> or <c>cx_essentials</c>; <c>cx_premium_agent</c>; <c>cx_standard_agent</c>). The order does not matter; changing the base package is an update in place. Example: <c>["webex_calling", "attendant_console"]</c>.</summary>
    [Required, Unordered]
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary>Name, phone number, extension and location of the person. A calling package needs <c>primaryPhoneNumber</c> or <c>extension</c>; Webex reads these only when it creates the subscriber or moves it from <c>webex_meetings</c> to a calling package, ignores them for a user who already has Webex Calling, and never returns them: they are kept from your program, and a change on its own changes nothing in Webex. Example: <c>{firstName: Alice, lastName: Smith, extension: "1001", locationId: Y2lz...}</c>.</summary>
    [NotReturned]
    public SubscriberProvisioningParametersInput? ProvisioningParameters { get; init; }

    /// <summary>Manage the subscriber on behalf of this sub-partner organization (the one its customer belongs to). A change replaces the subscriber. Example: <c>Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9hYmM</c>.</summary>
    [ReplaceOnChanges, NotReturned]
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}

/// <summary>Who the subscriber is and where their calling lives.</summary>
[SchemaType("SubscriberProvisioningParameters")]
public sealed record SubscriberProvisioningParametersInput
{
    /// <summary>The person's first name. Example: <c>Alice</c>.</summary>
    public string? FirstName { get; init; }

    /// <summary>The person's last name. Example: <c>Smith</c>.</summary>
    public string? LastName { get; init; }

    /// <summary>The person's phone number in E.164 form; a calling package needs it or <c>extension</c>. Example: <c>+14085550100</c>.</summary>
    public string? PrimaryPhoneNumber { get; init; }

    /// <summary>The person's extension; a calling package needs it or <c>primaryPhoneNumber</c>. Example: <c>1001</c>.</summary>
    public string? Extension { get; init; }

    /// <summary>The Webex Calling location of the person (when the customer has several). Example: <c>Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzE</c>.</summary>
    public string? LocationId { get; init; }
}
