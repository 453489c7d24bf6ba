using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>Per-package settings.</summary>
[SchemaType("PackageParameters")]
public sealed record PackageParametersInput
{
    /// <summary>Licence limits per package name, whole numbers. Example: <c>{"webex_calling": 50}</c>.</summary>
    public IReadOnlyDictionary<string, double>? Limits { get; init; }
}
