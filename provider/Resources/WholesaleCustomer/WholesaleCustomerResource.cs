using System.Text.Json.Serialization.Metadata;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// <c>webex-wholesale:index:WholesaleCustomer</c>: a Webex Wholesale customer. Check validates and prechecks, Diff
/// decides between update and replacement; the lifecycle (create, read, update, delete) is in
/// <c>WholesaleCustomerResource.Lifecycle.cs</c>.
/// </summary>
public sealed partial class WholesaleCustomerResource(PollSchedule pollSchedule) : ICustomResource<WholesaleCustomerInputs, WholesaleCustomerOutputs>
{
    public const string TypeToken = "webex-wholesale:index:WholesaleCustomer";

    /// <summary>How long create, update and delete wait for Webex when the program sets no custom timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Outputs only Webex can tell; unknown until the real operation has run.</summary>
    private static readonly string[] ReportedOutputs = [.. WholesaleCustomerJson.Default.WholesaleCustomerOutputs.Properties.Select(property => property.Name)];

    public WholesaleCustomerResource() : this(PollSchedule.Default) { }

    public string Token => TypeToken;
    public JsonTypeInfo<WholesaleCustomerInputs> InputsType => WholesaleCustomerJson.Default.WholesaleCustomerInputs;
    public JsonTypeInfo<WholesaleCustomerOutputs> OutputsType => WholesaleCustomerJson.Default.WholesaleCustomerOutputs;

    public async Task<CheckResult<WholesaleCustomerInputs>> CheckAsync(Decoded<WholesaleCustomerInputs>? olds, Decoded<WholesaleCustomerInputs> news,
        ResourceContext context)
    {
        // Validation speaks of the list as the program wrote it; the checked inputs hold the set, so reordering the
        // packages in the program never shows as a change.
        var creating = olds is null;
        var validation = WholesaleCustomerValidation.Validate(news, creating, olds?.Value.Packages ?? []);
        var inputs = news.Value.Packages is { } packages && !news.Unknowns.Touches("packages")
            ? news.Value with { Packages = PackageSet.Of(packages) }
            : news.Value;
        return await CheckSteps.RunAsync(inputs, creating, news.Unknowns, (validation.Failures, validation.Warnings),
            provider => PrecheckAdvisor.AskAsync(provider.Customers, inputs, context.Time, context.Cancellation), context);
    }

    public IReadOnlyList<InputFailure> Validate(WholesaleCustomerInputs inputs, WholesaleCustomerInputs? oldInputs) =>
        WholesaleCustomerValidation.Validate(new Decoded<WholesaleCustomerInputs>(inputs, PropertyPathSet.Empty, PropertyPathSet.Empty), oldInputs is null,
            oldInputs?.Packages ?? []).Failures;

    public ResourceDiff Diff(WholesaleCustomerInputs oldInputs, Decoded<WholesaleCustomerInputs> news, IReadOnlyCollection<string> ignoreChanges) =>
        WholesaleCustomerDiff.Compute(oldInputs, news, ignoreChanges);

    public PreviewResult<WholesaleCustomerInputs, WholesaleCustomerOutputs> PreviewCreate(Decoded<WholesaleCustomerInputs> inputs)
    {
        var unknown = ReportedOutputs.Concat(inputs.Unknowns.Paths).ToList();
        if (inputs.Value.OrgId is null)
        {
            unknown.Add("orgId"); // Webex assigns the org of a new customer
        }

        return new PreviewResult<WholesaleCustomerInputs, WholesaleCustomerOutputs>(WholesaleCustomerMapping.Planned(inputs.Value), unknown);
    }

    public PreviewResult<WholesaleCustomerInputs, WholesaleCustomerOutputs> PreviewUpdate(WholesaleCustomerState olds, WholesaleCustomerInputs oldInputs,
        Decoded<WholesaleCustomerInputs> news)
    {
        // The org Webex assigned stays; what Webex reports stays until Webex works again.
        var planned = new WholesaleCustomerState(news.Value with { OrgId = olds.Inputs.OrgId }, olds.Outputs);
        // Create-only inputs never reach Webex after the create; any other change makes Webex work, and report anew.
        var changesWebex = WholesaleCustomerDiff.Compute(oldInputs, news, []).Changes
            .Any(change => !WholesaleCustomerDiff.CreateOnly.Contains(PropertyPath.TopLevel(change.Path)));
        var unknown = news.Unknowns.Paths.Concat(changesWebex ? ReportedOutputs : []).ToList();
        return new PreviewResult<WholesaleCustomerInputs, WholesaleCustomerOutputs>(planned, unknown);
    }
}
