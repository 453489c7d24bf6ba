using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>Calling settings of the customer.</summary>
[SchemaType("CallingParameters")]
public sealed record CallingParametersInput
{
    /// <summary>The customer's first calling location.</summary>
    [Required]
    public LocationInput? Location { get; init; }
}
