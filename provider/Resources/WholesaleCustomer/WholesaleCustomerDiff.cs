using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>The customer's diff: <see cref="InputsDiff{TInputs}"/> over its inputs (provisioningId marks an import).</summary>
public static class WholesaleCustomerDiff
{
    private static readonly InputsDiff<WholesaleCustomerInputs> Diff = new(WholesaleCustomerJson.Default.WholesaleCustomerInputs);

    /// <summary>The inputs Webex takes only when it creates the customer.</summary>
    public static IReadOnlySet<string> CreateOnly => Diff.CreateOnly;

    public static ResourceDiff Compute(WholesaleCustomerInputs olds, Decoded<WholesaleCustomerInputs> news, IReadOnlyCollection<string> ignoreChanges) =>
        Diff.Compute(olds, news, ignoreChanges);
}
