using System.Text.Json.Serialization;

namespace WebexWholesale.Exporter.Audit;

/// <summary>What the audit found: the estate's customers and subscribers that no stack declares, those two stacks declare, and those stacks declare that Webex no longer holds.</summary>
public sealed record AuditReport
{
    public required IReadOnlyList<string> Stacks { get; init; }

    /// <summary>The partner contexts listed: "" for the partner's own, else a sub-partner's org id.</summary>
    public required IReadOnlyList<string> Contexts { get; init; }

    /// <summary><c>list</c> (every page of the subscriber list) or <c>report</c> (a point-in-time USER billing report).</summary>
    public required string SubscribersFrom { get; init; }

    public required int CustomersInWebex { get; init; }
    public required int SubscribersInWebex { get; init; }
    public required IReadOnlyList<UnmanagedCustomer> UnmanagedCustomers { get; init; }
    public required IReadOnlyList<UnmanagedSubscriber> UnmanagedSubscribers { get; init; }
    public required IReadOnlyList<ManagedTwice> ManagedTwice { get; init; }
    public required IReadOnlyList<GoneResource> Gone { get; init; }

    [JsonIgnore]
    public bool Clean => UnmanagedCustomers.Count == 0 && UnmanagedSubscribers.Count == 0 && ManagedTwice.Count == 0 && Gone.Count == 0;
}

public sealed record UnmanagedCustomer(string Id, string? ExternalId, string? SubPartnerOrgId, string? Status, IReadOnlyList<string> Packages,
    IReadOnlyList<AuditSubscriber> Subscribers);

/// <summary>A subscriber of a customer a stack declares, which no stack declares.</summary>
public sealed record UnmanagedSubscriber(string Id, string? Email, string? CustomerId, string? ExternalCustomerId, IReadOnlyList<string> Packages,
    string? CustomerDeclaredIn);

public sealed record AuditSubscriber(string Id, string? Email, string? CustomerId, IReadOnlyList<string> Packages, string? Status)
{
    public static AuditSubscriber From(WebexWholesale.Provider.Webex.Subscriber subscriber) =>
        new(subscriber.Id, subscriber.Email, subscriber.CustomerId, subscriber.AllPackages, subscriber.Status);
}

public sealed record ManagedTwice(string Kind, string Id, string? Label, IReadOnlyList<string> DeclaredIn);

public sealed record GoneResource(string Kind, string Id, string? Label, string Stack, string Name, IReadOnlyList<string> Packages);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(AuditReport))]
public sealed partial class AuditJson : JsonSerializerContext;
