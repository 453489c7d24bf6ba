using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebexWholesale.Provider.Webex;

// Request and response bodies of the Wholesale Customers API, named as in Cisco's OpenAPI contract. Enumerations
// (package names, statuses) stay strings: Webex adds packages several times a year and a new name must not break a
// deployment.

public sealed record CustomerAddress
{
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string? ZipOrPostalCode { get; init; }
    public string? Country { get; init; }
}

public sealed record CustomerInfo
{
    public string? Name { get; init; }
    public string? PrimaryEmail { get; init; }
    public string? Language { get; init; }
}

public sealed record CallingLocation
{
    public string? Name { get; init; }
    public CustomerAddress? Address { get; init; }
    public string? Timezone { get; init; }
    public string? Language { get; init; }
    public string? EmergencyLocationIdentifier { get; init; }

    /// <summary>Not in the 2025–2026 contract; accepted by older Webex revisions (sent only when set).</summary>
    public IReadOnlyList<string>? Numbers { get; init; }

    /// <summary>Not in the 2025–2026 contract; accepted by older Webex revisions (sent only when set).</summary>
    public string? MainNumber { get; init; }
}

public sealed record CallingParameters
{
    public CallingLocation? Location { get; init; }
}

public sealed record MeetingsParameters
{
    public string? Timezone { get; init; }
}

public sealed record PackageParameters
{
    /// <summary>Per-package caps, keyed by package name.</summary>
    public IReadOnlyDictionary<string, double>? Limits { get; init; }
}

public sealed record ProvisioningParameters
{
    public CallingParameters? Calling { get; init; }
    public MeetingsParameters? Meetings { get; init; }
    public PackageParameters? Packages { get; init; }
}

/// <summary>Body of <c>POST /wholesale/customers</c>.</summary>
public sealed record ProvisionCustomerRequest
{
    public required string ProvisioningId { get; init; }
    public required IReadOnlyList<string> Packages { get; init; }
    public string? OrgId { get; init; }
    public required string ExternalId { get; init; }
    public required CustomerAddress Address { get; init; }
    public CustomerInfo? CustomerInfo { get; init; }
    public ProvisioningParameters? ProvisioningParameters { get; init; }
    public string? SubPartnerAdminEmail { get; init; }
}

/// <summary>Body of <c>PUT /wholesale/customers/{id}</c>: the packages list is complete, a missing package is removed.</summary>
public sealed record UpdateCustomerRequest
{
    public string? ExternalId { get; init; }
    public required IReadOnlyList<string> Packages { get; init; }
    public CustomerAddress? Address { get; init; }
    public ProvisioningParameters? ProvisioningParameters { get; init; }
    public string? SubPartnerAdminEmail { get; init; }
}

public sealed record PrecheckCustomerInfo
{
    public string? Name { get; init; }
    public string? PrimaryEmail { get; init; }
}

/// <summary>Body of <c>POST /wholesale/customers/validate</c>.</summary>
public sealed record PrecheckCustomerRequest
{
    public string? ProvisioningId { get; init; }
    public IReadOnlyList<string>? Packages { get; init; }
    public string? OrgId { get; init; }
    public string? ExternalId { get; init; }
    public required CustomerAddress Address { get; init; }
    public PrecheckCustomerInfo? CustomerInfo { get; init; }
    public ProvisioningParameters? ProvisioningParameters { get; init; }
}

/// <summary>An error or warning reported by Webex, in a response body or in a customer's background errors.</summary>
public sealed record WebexErrorDetail
{
    public double? ErrorCode { get; init; }
    public string? Description { get; init; }

    public override string ToString() => ErrorCode is { } code ? $"{Description} (code {code})" : Description ?? "";
}

public sealed record PackageDetail
{
    public string? Name { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<WebexErrorDetail>? Warnings { get; init; }
    public IReadOnlyList<WebexErrorDetail>? Errors { get; init; }
    public IReadOnlyList<string>? LicenseIds { get; init; }
}

public sealed record ResourceDetails
{
    public IReadOnlyList<PackageDetail>? Packages { get; init; }
}

/// <summary>A customer as Webex reports it (<c>GET /wholesale/customers/{id}</c> and list items).</summary>
public sealed record Customer
{
    public required string Id { get; init; }
    public string? OrgId { get; init; }
    public string? ExternalId { get; init; }
    public CustomerAddress? Address { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string>? Packages { get; init; }
    public ResourceDetails? ResourceDetails { get; init; }

    /// <summary>Errors of the last provision or update that happened in the background, after the 202.</summary>
    public IReadOnlyList<WebexErrorDetail>? Errors { get; init; }
}

/// <summary>The customer statuses Webex documents; others may appear and are kept as they are.</summary>
public static class CustomerStatus
{
    public const string Provisioned = "provisioned";
    public const string ProvisionedWithErrors = "provisioned_with_errors";
    public const string Provisioning = "provisioning";
    public const string Updating = "updating";
    public const string Deleting = "deleting";
    public const string Error = "error";
    public const string PendingRplReview = "pending_rpl_review";
}

public sealed record CustomerListPage
{
    public IReadOnlyList<Customer>? Items { get; init; }
}

/// <summary>One page of a customer list, and whether Webex links a next one.</summary>
public sealed record CustomerPage(IReadOnlyList<Customer> Items, bool HasMore);

public sealed record ResourceUrl
{
    public string? Url { get; init; }
}

public sealed record PrecheckInfo
{
    public double? InfoCode { get; init; }
    public string? Description { get; init; }
}

/// <summary>Outcome of a precheck: success with info codes, or the errors Webex found.</summary>
public sealed record PrecheckResult(bool Success, string? Message, IReadOnlyList<PrecheckInfo> Info, IReadOnlyList<WebexErrorDetail> Errors, string? TrackingId);

/// <summary>The Webex error body: <c>{message, errors[], trackingId}</c>.</summary>
public sealed record WebexErrorBody
{
    public string? Message { get; init; }
    public IReadOnlyList<WebexErrorDetail>? Errors { get; init; }
    public string? TrackingId { get; init; }
}

/// <summary>Filters of <c>GET /wholesale/customers</c>; all optional.</summary>
public sealed record CustomerListFilter
{
    public string? ExternalId { get; init; }
    public string? OrgId { get; init; }
    public IReadOnlyList<string>? Status { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>Helpers over the request and response bodies.</summary>
public static class CustomerModels
{
    /// <summary>Whether two update bodies would say the same to Webex (the records hold lists, which compare by reference).</summary>
    public static bool SameContent(UpdateCustomerRequest left, UpdateCustomerRequest right) =>
        JsonSerializer.Serialize(left, WebexJson.Default.UpdateCustomerRequest) == JsonSerializer.Serialize(right, WebexJson.Default.UpdateCustomerRequest);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProvisionCustomerRequest))]
[JsonSerializable(typeof(UpdateCustomerRequest))]
[JsonSerializable(typeof(PrecheckCustomerRequest))]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(CustomerListPage))]
[JsonSerializable(typeof(ResourceUrl))]
[JsonSerializable(typeof(WebexErrorBody))]
[JsonSerializable(typeof(PrecheckInfo))]
[JsonSerializable(typeof(IReadOnlyList<PrecheckInfo>))]
internal sealed partial class WebexJson : JsonSerializerContext;
