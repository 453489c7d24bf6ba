using System.Text.Json.Serialization;

namespace WebexWholesale.Provider.Webex;

// Request and response bodies of the Wholesale Subscribers API, named as in Cisco's OpenAPI contract. Package names
// and statuses stay strings, as for customers.

/// <summary>Settings a subscriber's calling package needs; Webex never returns them.</summary>
public sealed record SubscriberProvisioningParameters
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? PrimaryPhoneNumber { get; init; }
    public string? Extension { get; init; }
    public string? LocationId { get; init; }
}

/// <summary>Body of <c>POST /wholesale/subscribers</c>: <c>packages</c> is sent, never the deprecated <c>package</c>.</summary>
public sealed record ProvisionSubscriberRequest
{
    public required string CustomerId { get; init; }
    public required string Email { get; init; }
    public required IReadOnlyList<string> Packages { get; init; }

    /// <summary>Required by the contract even when empty (Webex ignores it for a user who already has Webex Calling).</summary>
    public required SubscriberProvisioningParameters ProvisioningParameters { get; init; }
}

/// <summary>Body of <c>PUT /wholesale/subscribers/{id}</c>: the packages; the parameters only when moving from meetings to calling.</summary>
public sealed record UpdateSubscriberRequest
{
    public required IReadOnlyList<string> Packages { get; init; }
    public SubscriberProvisioningParameters? ProvisioningParameters { get; init; }
}

/// <summary>Body of <c>POST /wholesale/subscribers/validate</c>.</summary>
public sealed record PrecheckSubscriberRequest
{
    public string? CustomerId { get; init; }
    public required string Email { get; init; }
    public IReadOnlyList<string>? Packages { get; init; }
    public SubscriberProvisioningParameters? ProvisioningParameters { get; init; }
}

/// <summary>A subscriber as Webex reports it (GET, list items, and the answers to POST and PUT).</summary>
public sealed record Subscriber
{
    public required string Id { get; init; }
    public string? PersonId { get; init; }
    public string? Email { get; init; }
    public string? CustomerId { get; init; }
    public string? ExternalCustomerId { get; init; }

    /// <summary>Deprecated single package; read only when <see cref="Packages"/> is absent.</summary>
    public string? Package { get; init; }

    public IReadOnlyList<string>? Packages { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<WebexErrorDetail>? Errors { get; init; }
    public string? Created { get; init; }
    public string? LastStatusChange { get; init; }

    /// <summary>The packages, from <c>packages</c> or else the deprecated <c>package</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AllPackages => Packages ?? (Package is null ? [] : [Package]);
}

/// <summary>The subscriber statuses of every revision of the contract; others may appear and are kept as they are.</summary>
public static class SubscriberStatus
{
    public const string Provisioned = "provisioned";

    /// <summary>The e-mail belongs to an active free Webex account; the user must accept the move (no time limit).</summary>
    public const string PendingUserMigration = "pending_user_migration";
}

public sealed record SubscriberListPage
{
    public IReadOnlyList<Subscriber>? Items { get; init; }
}

/// <summary>Filters of <c>GET /wholesale/subscribers</c>; all optional.</summary>
public sealed record SubscriberListFilter
{
    public string? CustomerId { get; init; }
    public string? PersonId { get; init; }
    public string? ExternalCustomerId { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<string>? Status { get; init; }

    /// <summary>Only subscribers created after this time (epoch milliseconds or ISO 8601).</summary>
    public string? After { get; init; }

    /// <summary>Only subscribers whose status changed after this time (epoch milliseconds or ISO 8601).</summary>
    public string? LastStatusChange { get; init; }

    /// <summary><c>created</c> (Webex's default) or <c>lastStatusChange</c>.</summary>
    public string? SortBy { get; init; }

    /// <summary><c>ASC</c> or <c>DESC</c>.</summary>
    public string? SortOrder { get; init; }

    /// <summary>Webex's default is 50, its maximum 100.</summary>
    public int? PageSize { get; init; }
}

/// <summary>A sub-partner of the partner (<c>GET /wholesale/subPartners</c>).</summary>
public sealed record SubPartner
{
    public string? OrgId { get; init; }
    public string? SubscriptionId { get; init; }

    /// <summary><c>active</c> or <c>suspended</c> (may remove, but not provision or update).</summary>
    public string? ProvisioningState { get; init; }

    public string? Created { get; init; }
    public string? BillingStartDate { get; init; }
}

public sealed record SubPartnerListPage
{
    public IReadOnlyList<SubPartner>? Items { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProvisionSubscriberRequest))]
[JsonSerializable(typeof(UpdateSubscriberRequest))]
[JsonSerializable(typeof(PrecheckSubscriberRequest))]
[JsonSerializable(typeof(Subscriber))]
[JsonSerializable(typeof(SubscriberListPage))]
[JsonSerializable(typeof(SubPartnerListPage))]
internal sealed partial class WebexSubscriberJson : JsonSerializerContext;
