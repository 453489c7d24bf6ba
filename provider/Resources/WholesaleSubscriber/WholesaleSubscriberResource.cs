using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Resources.WholesaleCustomer;

namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

/// <summary>
/// <c>webex-wholesale:index:WholesaleSubscriber</c>: a person of a Webex Wholesale customer, with the packages they use
/// and are billed for. Check validates and prechecks, Diff decides between update and replacement; the lifecycle is
/// in <c>WholesaleSubscriberResource.Lifecycle.cs</c>.
/// </summary>
public sealed partial class WholesaleSubscriberResource : ICustomResource<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>
{
    public const string TypeToken = "webex-wholesale:index:WholesaleSubscriber";

    /// <summary>
    /// How long create, update and delete may take when the program sets no custom timeout. Webex answers subscriber
    /// writes when they are done, so this bounds the requests and their retries (a rate-limited fleet waits its turn
    /// within it); it never waits for a person to accept a move.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(20);

    private static readonly InputsDiff<WholesaleSubscriberInputs> InputsDiff = new(WholesaleSubscriberJson.Default.WholesaleSubscriberInputs);

    /// <summary>Outputs only Webex can tell; unknown until the real operation has run.</summary>
    private static readonly string[] ReportedOutputs = [.. WholesaleSubscriberJson.Default.WholesaleSubscriberOutputs.Properties.Select(property => property.Name)];

    public string Token => TypeToken;
    public JsonTypeInfo<WholesaleSubscriberInputs> InputsType => WholesaleSubscriberJson.Default.WholesaleSubscriberInputs;
    public JsonTypeInfo<WholesaleSubscriberOutputs> OutputsType => WholesaleSubscriberJson.Default.WholesaleSubscriberOutputs;

    public async Task<CheckResult<WholesaleSubscriberInputs>> CheckAsync(Decoded<WholesaleSubscriberInputs>? olds, Decoded<WholesaleSubscriberInputs> news,
        ResourceContext context)
    {
        var validation = WholesaleSubscriberValidation.Validate(news, olds?.Value.Packages ?? []);
        var inputs = news.Value.Packages is { } packages && !news.Unknowns.Touches("packages") && validation.Failures.Count == 0
            ? news.Value with { Packages = PackageSet.Of(packages) }
            : news.Value;
        return await CheckSteps.RunAsync(inputs, olds is null, news.Unknowns, (validation.Failures, validation.Warnings),
            provider => SubscriberPrecheck.AskAsync(provider.Subscribers, inputs, context.Time, context.Cancellation), context);
    }

    public IReadOnlyList<InputFailure> Validate(WholesaleSubscriberInputs inputs, WholesaleSubscriberInputs? oldInputs) =>
        WholesaleSubscriberValidation.Validate(new Decoded<WholesaleSubscriberInputs>(inputs, PropertyPathSet.Empty, PropertyPathSet.Empty),
            oldInputs?.Packages ?? []).Failures;

    /// <summary>
    /// The attribute-driven diff, except that <c>provisioningParameters</c> alone is no change: Webex reads them only
    /// when it creates the subscriber or moves it to a calling package, so with unchanged packages there is nothing to
    /// send (and a program that adds them to an imported subscriber shows no change).
    /// </summary>
    public ResourceDiff Diff(WholesaleSubscriberInputs oldInputs, Decoded<WholesaleSubscriberInputs> news, IReadOnlyCollection<string> ignoreChanges)
    {
        var diff = InputsDiff.Compute(oldInputs, news, ignoreChanges);
        return diff.Changes.Any(change => PropertyPath.TopLevel(change.Path) == "packages")
            ? diff
            : diff with { Changes = [.. diff.Changes.Where(change => PropertyPath.TopLevel(change.Path) != "provisioningParameters")] };
    }

    public PreviewResult<WholesaleSubscriberInputs, WholesaleSubscriberOutputs> PreviewCreate(Decoded<WholesaleSubscriberInputs> inputs) =>
        new(new WholesaleSubscriberState(inputs.Value, new WholesaleSubscriberOutputs()), [.. ReportedOutputs.Concat(inputs.Unknowns.Paths)]);

    public PreviewResult<WholesaleSubscriberInputs, WholesaleSubscriberOutputs> PreviewUpdate(WholesaleSubscriberState olds, WholesaleSubscriberInputs oldInputs,
        Decoded<WholesaleSubscriberInputs> news)
    {
        // Only a change of packages reaches Webex, and Webex reports anew after it.
        var changesWebex = Diff(oldInputs, news, []).Changes.Any(change => PropertyPath.TopLevel(change.Path) == "packages");
        return new(new WholesaleSubscriberState(news.Value, olds.Outputs), [.. news.Unknowns.Paths.Concat(changesWebex ? ReportedOutputs : [])]);
    }
}
