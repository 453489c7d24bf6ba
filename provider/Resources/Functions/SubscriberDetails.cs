using WebexWholesale.Provider.Resources.Schema;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>A subscriber as Webex reports it.</summary>
[SchemaType("SubscriberDetails")]
public sealed record SubscriberDetails
{
    /// <summary>The Webex subscriber id.</summary>
    [Required]
    public required string Id { get; init; }

    /// <summary>The Webex person id, once provisioned.</summary>
    public string? PersonId { get; init; }

    /// <summary>The person's e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The Webex id of the subscriber's customer.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The externalId of the subscriber's customer.</summary>
    public string? ExternalCustomerId { get; init; }

    /// <summary>The subscriber's packages.</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary><c>provisioned</c> or <c>pending_user_migration</c>.</summary>
    public string? Status { get; init; }

    /// <summary>What failed when Webex provisioned the subscriber.</summary>
    public IReadOnlyList<WebexMessageOutput>? Errors { get; init; }

    /// <summary>When Webex created the subscriber (ISO 8601).</summary>
    public string? Created { get; init; }

    /// <summary>When the subscriber's status last changed (ISO 8601).</summary>
    public string? LastStatusChange { get; init; }

    public static SubscriberDetails From(Subscriber subscriber) => new()
    {
        Id = subscriber.Id,
        PersonId = subscriber.PersonId,
        Email = subscriber.Email,
        CustomerId = subscriber.CustomerId,
        ExternalCustomerId = subscriber.ExternalCustomerId,
        Packages = subscriber.AllPackages,
        Status = subscriber.Status,
        Errors = WebexMessageOutput.From(subscriber.Errors),
        Created = subscriber.Created,
        LastStatusChange = subscriber.LastStatusChange,
    };
}

/// <summary>A sub-partner of the partner.</summary>
[SchemaType("SubPartnerDetails")]
public sealed record SubPartnerDetails
{
    /// <summary>The sub-partner's Webex organization id: the <c>onBehalfOfSubPartnerOrgId</c> of its customers and subscribers.</summary>
    public string? OrgId { get; init; }

    /// <summary>The sub-partner's subscription id.</summary>
    public string? SubscriptionId { get; init; }

    /// <summary><c>active</c>, or <c>suspended</c>: it may remove customers and subscribers, but not provision or update them.</summary>
    public string? ProvisioningState { get; init; }

    /// <summary>When the sub-partner was created (ISO 8601).</summary>
    public string? Created { get; init; }

    /// <summary>When billing of the sub-partner started (ISO 8601).</summary>
    public string? BillingStartDate { get; init; }

    public static SubPartnerDetails From(SubPartner subPartner) => new()
    {
        OrgId = subPartner.OrgId,
        SubscriptionId = subPartner.SubscriptionId,
        ProvisioningState = subPartner.ProvisioningState,
        Created = subPartner.Created,
        BillingStartDate = subPartner.BillingStartDate,
    };
}
