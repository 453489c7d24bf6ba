using System.Text.Json.Serialization;

namespace WebexWholesale.Simulator;

// The simulator's own view of the Webex bodies, written from Cisco's contract independently of the provider's client
// models, so that the contract tests compare two implementations rather than one with itself.

public sealed record SimAddress
{
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string? ZipOrPostalCode { get; init; }
    public string? Country { get; init; }
}

public sealed record SimCustomerInfo
{
    public string? Name { get; init; }
    public string? PrimaryEmail { get; init; }
    public string? Language { get; init; }
}

public sealed record SimLocation
{
    public string? Name { get; init; }
    public SimAddress? Address { get; init; }
    public string? Timezone { get; init; }
    public string? Language { get; init; }
    public string? EmergencyLocationIdentifier { get; init; }
}

public sealed record SimCalling
{
    public SimLocation? Location { get; init; }
}

public sealed record SimProvisioningParameters
{
    public SimCalling? Calling { get; init; }
}

public sealed record ProvisionBody
{
    public string? ProvisioningId { get; init; }
    public List<string>? Packages { get; init; }
    public string? OrgId { get; init; }
    public string? ExternalId { get; init; }
    public SimAddress? Address { get; init; }
    public SimCustomerInfo? CustomerInfo { get; init; }
    public SimProvisioningParameters? ProvisioningParameters { get; init; }
    public string? SubPartnerAdminEmail { get; init; }
}

public sealed record UpdateBody
{
    public string? ExternalId { get; init; }
    public List<string>? Packages { get; init; }
    public SimAddress? Address { get; init; }
    public SimProvisioningParameters? ProvisioningParameters { get; init; }
    public string? SubPartnerAdminEmail { get; init; }
}

public sealed record ErrorItem
{
    public double? ErrorCode { get; init; }
    public string? Description { get; init; }
}

public sealed record PackageView
{
    public required string Name { get; init; }
    public required string Status { get; init; }
    public List<ErrorItem>? Warnings { get; init; }
    public List<ErrorItem>? Errors { get; init; }
}

public sealed record ResourceDetailsView
{
    public required List<PackageView> Packages { get; init; }
}

/// <summary>A customer as GET returns it.</summary>
public sealed record CustomerView
{
    public required string Id { get; init; }
    public string? OrgId { get; init; }
    public string? ExternalId { get; init; }
    public SimAddress? Address { get; init; }
    public required string Status { get; init; }
    public required List<string> Packages { get; init; }
    public required ResourceDetailsView ResourceDetails { get; init; }
    public List<ErrorItem>? Errors { get; init; }
}

public sealed record CustomerListView
{
    public required List<CustomerView> Items { get; init; }
}

public sealed record ResourceUrlView
{
    public required string Url { get; init; }
}

public sealed record ErrorBody
{
    public required string Message { get; init; }
    public required List<ErrorItem> Errors { get; init; }
    public required string TrackingId { get; init; }
}

public sealed record PrecheckInfoView
{
    public double InfoCode { get; init; }
    public required string Description { get; init; }
}

public sealed record PrecheckView
{
    public required string Message { get; init; }
    public required PrecheckInfoView Info { get; init; }
}

/// <summary>A queued fault: the next <see cref="Count"/> matching requests fail this way.</summary>
public sealed record FaultSpec
{
    public int Count { get; init; } = 1;

    /// <summary>Answer with this status instead of handling the request (e.g. 500, 503, 429).</summary>
    public int? Status { get; init; }

    /// <summary>Retry-After value sent with the status (seconds or an HTTP date).</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Delay before the request is handled (or failed).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Drop the connection without handling the request.</summary>
    public bool Drop { get; init; }

    /// <summary>Handle the request, then drop the connection: the change happens but its answer is lost.</summary>
    public bool DropAfterProcessing { get; init; }

    /// <summary>With <see cref="Status"/>: answer with this raw body instead of a Webex error (e.g. an HTML page with 200).</summary>
    public string? Body { get; init; }

    /// <summary>Content type of <see cref="Body"/> (default application/json).</summary>
    public string? ContentType { get; init; }

    /// <summary>Only requests with this method (default: any).</summary>
    public string? Method { get; init; }

    /// <summary>Only requests whose path starts with this (default: any under /v1).</summary>
    public string? PathPrefix { get; init; }
}

public sealed record SettingsBody
{
    public double? ProvisioningSeconds { get; init; }
    public int? RateLimit { get; init; }
    public ChaosSettings? Chaos { get; init; }
}

/// <summary>Random faults for soak tests, drawn per request from a seeded generator; all rates are from 0 to 1.</summary>
public sealed record ChaosSettings
{
    /// <summary>Share of requests answered 503 before they are handled.</summary>
    public double UnavailableRate { get; init; }

    /// <summary>Share of writes (POST, PUT, DELETE) handled and then answered with a dropped connection.</summary>
    public double DropAfterProcessingRate { get; init; }

    /// <summary>Share of requests that start a burst of 429s (Retry-After 1) for the next <see cref="BurstLength"/> requests.</summary>
    public double RateLimitBurstRate { get; init; }

    public int BurstLength { get; init; } = 5;

    /// <summary>Each request waits a random time up to this long.</summary>
    public int MaxLatencyMs { get; init; }

    public int Seed { get; init; } = 1;
}

public sealed record AdvanceBody
{
    public double Seconds { get; init; }
}

public sealed record RequestRecord(string Method, string Path, string? TrackingId, int Status);

public sealed record StoredCustomer
{
    public required string Id { get; init; }
    public string? OrgId { get; set; }
    public string? ExternalId { get; set; }
    public SimAddress? Address { get; set; }
    public SimCustomerInfo? CustomerInfo { get; init; }
    public required string Status { get; set; }
    public required List<string> Packages { get; set; }
    public Dictionary<string, string> PackageStatus { get; set; } = [];
    public List<ErrorItem> Errors { get; set; } = [];
    public string? SubPartnerOrgId { get; init; }
    public string? PendingOperation { get; set; }
    public DateTimeOffset? PendingUntil { get; set; }
    public List<string>? PendingPackages { get; set; }
    public long Sequence { get; init; }
}

public sealed record SimSubscriberParameters
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? PrimaryPhoneNumber { get; init; }
    public string? Extension { get; init; }
    public string? LocationId { get; init; }
}

/// <summary>Body of <c>POST /wholesale/subscribers</c> and of its <c>/validate</c>.</summary>
public sealed record SubscriberBody
{
    public string? CustomerId { get; init; }
    public string? Email { get; init; }
    public string? Package { get; init; }
    public List<string>? Packages { get; init; }
    public SimSubscriberParameters? ProvisioningParameters { get; init; }
}

/// <summary>Body of <c>PUT /wholesale/subscribers/{id}</c>.</summary>
public sealed record SubscriberUpdateBody
{
    public string? Package { get; init; }
    public List<string>? Packages { get; init; }
    public SimSubscriberParameters? ProvisioningParameters { get; init; }
}

public sealed record SubscriberView
{
    public required string Id { get; init; }
    public string? PersonId { get; init; }
    public required string Email { get; init; }
    public required string CustomerId { get; init; }
    public string? ExternalCustomerId { get; init; }
    public string? Package { get; init; }
    public required List<string> Packages { get; init; }
    public required string Status { get; init; }
    public List<ErrorItem>? Errors { get; init; }
    public required string Created { get; init; }
    public required string LastStatusChange { get; init; }
}

public sealed record SubscriberListView
{
    public required List<SubscriberView> Items { get; init; }
}

public sealed record SubPartnerView
{
    public required string OrgId { get; init; }
    public string? SubscriptionId { get; init; }
    public required string ProvisioningState { get; init; }
    public string? Created { get; init; }
    public string? BillingStartDate { get; init; }
}

public sealed record SubPartnerListView
{
    public required List<SubPartnerView> Items { get; init; }
}

public sealed record StoredSubscriber
{
    public required string Id { get; init; }
    public string? PersonId { get; set; }
    public required string Email { get; init; }
    public required string CustomerId { get; init; }
    public required List<string> Packages { get; set; }
    public required string Status { get; set; }
    public SimSubscriberParameters? ProvisioningParameters { get; set; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastStatusChange { get; set; }
    public long Sequence { get; init; }
}

/// <summary>Control API body: an e-mail that belongs to an active free Webex account, or a sub-partner.</summary>
public sealed record FreeAccountBody
{
    public string? Email { get; init; }
}

public sealed record SimulatorState
{
    public List<StoredCustomer> Customers { get; init; } = [];
    public List<StoredSubscriber> Subscribers { get; init; } = [];

    /// <summary>E-mails of active free Webex accounts: a subscriber with one waits for the user's consent to move.</summary>
    public List<string> FreeAccounts { get; init; } = [];

    public List<SubPartnerView> SubPartners { get; init; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(ProvisionBody))]
[JsonSerializable(typeof(UpdateBody))]
[JsonSerializable(typeof(CustomerView))]
[JsonSerializable(typeof(CustomerListView))]
[JsonSerializable(typeof(ResourceUrlView))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(PrecheckView))]
[JsonSerializable(typeof(FaultSpec))]
[JsonSerializable(typeof(List<FaultSpec>))]
[JsonSerializable(typeof(SettingsBody))]
[JsonSerializable(typeof(AdvanceBody))]
[JsonSerializable(typeof(List<RequestRecord>))]
[JsonSerializable(typeof(SimulatorState))]
[JsonSerializable(typeof(List<StoredCustomer>))]
[JsonSerializable(typeof(SubscriberBody))]
[JsonSerializable(typeof(SubscriberUpdateBody))]
[JsonSerializable(typeof(SubscriberView))]
[JsonSerializable(typeof(SubscriberListView))]
[JsonSerializable(typeof(SubPartnerView))]
[JsonSerializable(typeof(SubPartnerListView))]
[JsonSerializable(typeof(FreeAccountBody))]
[JsonSerializable(typeof(List<StoredSubscriber>))]
[JsonSerializable(typeof(BillingReportBody))]
[JsonSerializable(typeof(ReportListView))]
[JsonSerializable(typeof(ReportView))]
[JsonSerializable(typeof(BillingFailureBody))]
internal sealed partial class SimulatorJson : JsonSerializerContext;
