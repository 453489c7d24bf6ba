using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>The provisioning status of one package.</summary>
[SchemaType("PackageDetail")]
public sealed record PackageDetailOutput
{
    /// <summary>Package name. Example: <c>webex_calling</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Status of the package: <c>provisioned</c>, <c>provisioning</c>, <c>deleting</c> or <c>error</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Errors of the last provision or update of the package.</summary>
    public IReadOnlyList<WebexMessageOutput>? Errors { get; init; }

    /// <summary>Warnings of the last provision or update of the package.</summary>
    public IReadOnlyList<WebexMessageOutput>? Warnings { get; init; }
}
