using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// One call to a Webex precheck API (<c>…/validate</c>) within its budget. A precheck is advice: one that cannot run
/// or does not answer in time is a warning, never a blocked preview.
/// </summary>
public static class PrecheckCall
{
    /// <summary>How long a preview waits for a precheck: a Check must not hang on an unreachable or busy Webex.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    /// <summary>Info code of "precheck passed".</summary>
    public const double Passed = 100;

    /// <returns>Webex's answer, or null and the warning that says why there is none</returns>
    public static async Task<(PrecheckResult? Result, string? Warning)> AskAsync(Func<CancellationToken, Task<PrecheckResult>> ask, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return (await ask(linked.Token), null);
        }
        catch (WebexApiException error)
        {
            return (null, $"the Webex precheck could not run, so the inputs were checked locally only: {error.Message}");
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"the Webex precheck did not answer within {Budget.TotalSeconds:0} s, so the inputs were checked locally only");
        }
    }

    /// <summary>What a precheck says about the inputs: failures on the properties concerned, and warnings.</summary>
    public sealed record Advice(IReadOnlyList<InputFailure> Failures, IReadOnlyList<string> Warnings);

    /// <summary>
    /// Asks within the budget and sorts the answer for Check: no answer is a warning, a pass warns of its infos, and each
    /// refusal is a failure on the property <paramref name="propertyOf"/> names, unless <paramref name="explained"/>
    /// says why it is expected (then it is a warning with that explanation).
    /// </summary>
    /// <param name="explained">an error and its property: the explanation, or null when the error stands</param>
    public static async Task<Advice> AdviseAsync(Func<CancellationToken, Task<PrecheckResult>> ask, TimeProvider time,
        Func<WebexErrorDetail, string> propertyOf, Func<WebexErrorDetail, string, CancellationToken, Task<string?>> explained,
        CancellationToken cancellationToken)
    {
        var (answer, warning) = await AskAsync(ask, time, cancellationToken);
        if (answer is not { } result)
        {
            return new Advice([], [warning!]);
        }

        if (result.Success)
        {
            return new Advice([], InfoWarnings(result));
        }

        var tracking = result.TrackingId is null ? "" : $" (Webex tracking id {result.TrackingId})";
        var errors = result.Errors.Count > 0 ? result.Errors : [new WebexErrorDetail { Description = result.Message ?? "the precheck failed" }];
        var failures = new List<InputFailure>();
        var warnings = new List<string>();
        foreach (var error in errors)
        {
            var property = propertyOf(error);
            var reason = $"Webex precheck: {error}{tracking}";
            if (await explained(error, property, cancellationToken) is { } explanation)
            {
                warnings.Add($"{reason}. {explanation}");
            }
            else
            {
                failures.Add(new InputFailure(property, reason));
            }
        }

        return new Advice(failures, warnings);
    }

    /// <summary>The warnings of a passed precheck: every info that is not "passed".</summary>
    public static IReadOnlyList<string> InfoWarnings(PrecheckResult result) =>
        [.. result.Info.Where(info => info.InfoCode != Passed).Select(info => $"Webex precheck: {info.Description} (info code {info.InfoCode})")];
}
