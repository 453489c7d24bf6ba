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

    /// <summary>The warnings of a passed precheck: every info that is not "passed".</summary>
    public static IReadOnlyList<string> InfoWarnings(PrecheckResult result) =>
        [.. result.Info.Where(info => info.InfoCode != Passed).Select(info => $"Webex precheck: {info.Description} (info code {info.InfoCode})")];
}
