namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>Arguments of <c>getWholesaleCustomers</c>; every filter is optional.</summary>
public sealed record GetWholesaleCustomersArgs
{
    /// <summary>Only the customer with this externalId.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Only the customer of this Webex organization.</summary>
    public string? OrgId { get; init; }

    /// <summary>Only customers in one of these statuses. Example: <c>["error", "provisioned_with_errors"]</c>.</summary>
    public IReadOnlyList<string>? Status { get; init; }

    /// <summary>List the customers of this sub-partner organization.</summary>
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}
