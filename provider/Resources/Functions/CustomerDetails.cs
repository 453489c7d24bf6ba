using WebexWholesale.Provider.Resources.Schema;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>A customer as Webex reports it.</summary>
[SchemaType("CustomerDetails")]
public sealed record CustomerDetails
{
    /// <summary>The Webex customer id.</summary>
    [Required]
    public required string Id { get; init; }

    /// <summary>The customer's Webex organization id, once provisioned.</summary>
    public string? OrgId { get; init; }

    /// <summary>The service provider's identifier of the customer.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Billing address.</summary>
    public AddressInput? Address { get; init; }

    /// <summary>Provisioning status, e.g. <c>provisioned</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Packages assigned.</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary>Status of each package.</summary>
    public IReadOnlyList<PackageDetailOutput>? PackageDetails { get; init; }

    /// <summary>Errors of the last provision or update.</summary>
    public IReadOnlyList<WebexMessageOutput>? Errors { get; init; }

    /// <summary>What a lookup can know: what Webex returns, through the resource's own mapping.</summary>
    public static CustomerDetails From(Customer customer)
    {
        var state = WholesaleCustomerMapping.ToState(customer, new WholesaleCustomerInputs());
        return new CustomerDetails
        {
            Id = customer.Id, OrgId = state.Inputs.OrgId, ExternalId = state.Inputs.ExternalId, Address = state.Inputs.Address,
            Packages = state.Inputs.Packages, Status = state.Outputs.Status, PackageDetails = state.Outputs.PackageDetails, Errors = state.Outputs.Errors,
        };
    }
}
