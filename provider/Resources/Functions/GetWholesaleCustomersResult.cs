using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>What <c>getWholesaleCustomers</c> returns.</summary>
public sealed record GetWholesaleCustomersResult
{
    /// <summary>The customers found.</summary>
    [Required]
    public required IReadOnlyList<CustomerDetails> Customers { get; init; }
}
