namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>Arguments of <c>getWholesaleCustomer</c>.</summary>
public sealed record GetWholesaleCustomerArgs
{
    /// <summary>The Webex customer id. Give this or <c>externalId</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Your identifier of the customer. Give this or <c>id</c>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Look the customer up on behalf of this sub-partner organization.</summary>
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}
