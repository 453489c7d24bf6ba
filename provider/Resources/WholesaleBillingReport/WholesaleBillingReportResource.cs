using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Webex.Billing;

namespace WebexWholesale.Provider.Resources.WholesaleBillingReport;

/// <summary>
/// <c>webex-wholesale:index:WholesaleBillingReport</c>: a wholesale billing report Webex generates for a period, the
/// record a partner reconciles its invoice with. Webex cannot change a report, so every input replaces it; the
/// lifecycle (create and wait, read, delete) is in <c>WholesaleBillingReportResource.Lifecycle.cs</c>.
/// </summary>
public sealed partial class WholesaleBillingReportResource : ICustomResource<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>
{
    public const string TypeToken = "webex-wholesale:index:WholesaleBillingReport";

    /// <summary>How long a create may wait for Webex to generate the report when the program sets no custom timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(60);

    private static readonly InputsDiff<WholesaleBillingReportInputs> InputsDiff = new(WholesaleBillingReportJson.Default.WholesaleBillingReportInputs);

    /// <summary>Outputs only Webex can tell; unknown until the report exists.</summary>
    private static readonly string[] ReportedOutputs =
        [.. WholesaleBillingReportJson.Default.WholesaleBillingReportOutputs.Properties.Select(property => property.Name)];

    public string Token => TypeToken;
    public JsonTypeInfo<WholesaleBillingReportInputs> InputsType => WholesaleBillingReportJson.Default.WholesaleBillingReportInputs;
    public JsonTypeInfo<WholesaleBillingReportOutputs> OutputsType => WholesaleBillingReportJson.Default.WholesaleBillingReportOutputs;

    /// <summary>Local validation only (Webex has no precheck for reports); an absent <c>type</c> becomes <c>PARTNER</c>, Webex's default, so that a refresh shows no change.</summary>
    public async Task<CheckResult<WholesaleBillingReportInputs>> CheckAsync(Decoded<WholesaleBillingReportInputs>? olds, Decoded<WholesaleBillingReportInputs> news,
        ResourceContext context)
    {
        var failures = WholesaleBillingReportValidation.Validate(news);
        return await CheckSteps.RunAsync(WithDefaultType(news).Value, olds is null, news.Unknowns, (failures, []),
            _ => Task.FromResult(new PrecheckCall.Advice([], [])), context);
    }

    public IReadOnlyList<InputFailure> Validate(WholesaleBillingReportInputs inputs, WholesaleBillingReportInputs? oldInputs) =>
        WholesaleBillingReportValidation.Validate(new Decoded<WholesaleBillingReportInputs>(inputs, PropertyPathSet.Empty, PropertyPathSet.Empty));

    public ResourceDiff Diff(WholesaleBillingReportInputs oldInputs, Decoded<WholesaleBillingReportInputs> news, IReadOnlyCollection<string> ignoreChanges) =>
        InputsDiff.Compute(oldInputs, WithDefaultType(news), ignoreChanges);

    /// <summary>An absent (and known) <c>type</c> as Webex takes it, <c>PARTNER</c>: what Check records and Diff compares.</summary>
    private static Decoded<WholesaleBillingReportInputs> WithDefaultType(Decoded<WholesaleBillingReportInputs> inputs) =>
        inputs.Value.Type is null && !inputs.Unknowns.Touches("type") ? inputs with { Value = inputs.Value with { Type = BillingReportType.Partner } } : inputs;

    public PreviewResult<WholesaleBillingReportInputs, WholesaleBillingReportOutputs> PreviewCreate(Decoded<WholesaleBillingReportInputs> inputs) =>
        new(new WholesaleBillingReportState(inputs.Value, new WholesaleBillingReportOutputs()), [.. ReportedOutputs.Concat(inputs.Unknowns.Paths)]);

    public PreviewResult<WholesaleBillingReportInputs, WholesaleBillingReportOutputs> PreviewUpdate(WholesaleBillingReportState olds,
        WholesaleBillingReportInputs oldInputs, Decoded<WholesaleBillingReportInputs> news) =>
        new(new WholesaleBillingReportState(news.Value, olds.Outputs), [.. news.Unknowns.Paths]);
}
