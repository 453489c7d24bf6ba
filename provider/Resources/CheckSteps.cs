using WebexWholesale.Provider.Resources.ProviderConfig;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// The order every resource's Check follows: local validation, then (for a create that is valid and fully known, with
/// prechecks on) Webex's precheck as advice, then the warnings to the engine's log.
/// </summary>
public static class CheckSteps
{
    /// <param name="validated">the local validation's failures and warnings</param>
    /// <param name="precheck">asks Webex about the checked inputs (<see cref="PrecheckCall.AdviseAsync"/>)</param>
    public static async Task<CheckResult<TInputs>> RunAsync<TInputs>(TInputs inputs, bool creating, PropertyPathSet unknowns,
        (IReadOnlyList<InputFailure> Failures, IReadOnlyList<string> Warnings) validated,
        Func<ConfiguredProvider, Task<PrecheckCall.Advice>> precheck, ResourceContext context)
    {
        var failures = validated.Failures.ToList();
        var warnings = validated.Warnings.ToList();
        if (creating && failures.Count == 0 && unknowns.IsEmpty && context.Settings?.Precheck != false && context.Provider is { } provider)
        {
            var advice = await precheck(provider);
            failures.AddRange(advice.Failures);
            warnings.AddRange(advice.Warnings);
        }

        foreach (var warning in warnings)
        {
            await context.Log.WarningAsync(warning);
        }

        return new CheckResult<TInputs>(inputs, failures);
    }
}
