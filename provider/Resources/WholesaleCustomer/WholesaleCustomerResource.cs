using System.Text.Json.Serialization.Metadata;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// <c>webex-wholesale:index:WholesaleCustomer</c>: a Webex Wholesale customer. Check validates and prechecks, Diff
/// decides between update and replacement; the lifecycle (create, read, update, delete) is in
/// <c>WholesaleCustomerResource.Lifecycle.cs</c>.
/// </summary>
public sealed partial class WholesaleCustomerResource(PollSchedule pollSchedule) : ICustomResource<WholesaleCustomerInputs, WholesaleCustomerState>
{
    public const string TypeToken = "webex-wholesale:index:WholesaleCustomer";

    /// <summary>How long create, update and delete wait for Webex when the program sets no custom timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Outputs only Webex can tell; unknown until the real operation has run.</summary>
    private static readonly string[] ReportedOutputs = ["status", "packageDetails", "errors"];

    public WholesaleCustomerResource() : this(PollSchedule.Default) { }

    public string Token => TypeToken;
    public JsonTypeInfo<WholesaleCustomerInputs> InputsType => WholesaleCustomerJson.Default.WholesaleCustomerInputs;
    public JsonTypeInfo<WholesaleCustomerState> StateType => WholesaleCustomerJson.Default.WholesaleCustomerState;

    public async Task<CheckResult<WholesaleCustomerInputs>> CheckAsync(Decoded<WholesaleCustomerInputs>? olds, Decoded<WholesaleCustomerInputs> news,
        ResourceContext context)
    {
        // Packages are a set: sorted here, reordering them in the program never shows as a change.
        var inputs = news.Value.Packages is { } packages && !news.Unknowns.Touches("packages")
            ? news.Value with { Packages = [.. packages.Order(StringComparer.Ordinal)] }
            : news.Value;
        var checkedNews = news with { Value = inputs };
        var creating = olds is null;
        var validation = WholesaleCustomerValidation.Validate(checkedNews, creating, olds?.Value.Packages ?? []);
        var failures = validation.Failures.ToList();
        var warnings = validation.Warnings.ToList();

        if (creating && failures.Count == 0 && news.Unknowns.IsEmpty && context.Settings?.Precheck != false && context.Webex is { } webex)
        {
            var advice = await PrecheckAdvisor.AskAsync(webex.Customers, inputs, context.Cancellation);
            failures.AddRange(advice.Failures);
            warnings.AddRange(advice.Warnings);
        }

        foreach (var warning in warnings)
        {
            await context.Log.WarningAsync(warning);
        }

        return new CheckResult<WholesaleCustomerInputs>(inputs, failures);
    }

    public ResourceDiff Diff(WholesaleCustomerInputs oldInputs, Decoded<WholesaleCustomerInputs> news, IReadOnlyCollection<string> ignoreChanges) =>
        WholesaleCustomerDiff.Compute(oldInputs, news, ignoreChanges);

    public PreviewResult<WholesaleCustomerState> PreviewCreate(Decoded<WholesaleCustomerInputs> inputs)
    {
        var unknown = ReportedOutputs.Concat(inputs.Unknowns.Paths).ToList();
        if (inputs.Value.OrgId is null)
        {
            unknown.Add("orgId"); // Webex assigns the org of a new customer
        }

        return new PreviewResult<WholesaleCustomerState>(WholesaleCustomerMapping.Planned(inputs.Value), unknown);
    }

    public PreviewResult<WholesaleCustomerState> PreviewUpdate(WholesaleCustomerState olds, WholesaleCustomerInputs oldInputs, Decoded<WholesaleCustomerInputs> news)
    {
        var planned = WholesaleCustomerMapping.Planned(news.Value) with
        {
            OrgId = olds.OrgId,
            Status = olds.Status,
            PackageDetails = olds.PackageDetails,
            Errors = olds.Errors,
        };
        // Create-only inputs never reach Webex after the create; any other change makes Webex work, and report anew.
        var changesWebex = WholesaleCustomerDiff.Compute(oldInputs, news, []).Changes
            .Any(change => !WholesaleCustomerDiff.CreateOnly.Contains(PropertyPath.TopLevel(change.Path)));
        var unknown = news.Unknowns.Paths.Concat(changesWebex ? ReportedOutputs : []).ToList();
        return new PreviewResult<WholesaleCustomerState>(planned, unknown);
    }
}
