using System.Net;
using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Billing;

namespace WebexWholesale.Provider.Resources.WholesaleBillingReport;

public sealed partial class WholesaleBillingReportResource
{
    /// <summary>POSTs that met no answer (or a 5xx) and provably created nothing are sent again this many times in all.</summary>
    private const int CreateAttempts = 3;

    /// <summary>The longest pause between two looks at a report being generated.</summary>
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Asks Webex for the report and waits until it is generated, within customTimeouts.create. A report Webex fails is
    /// deleted again (nothing is left behind) and the error says why; one still in progress when time runs out is
    /// recorded as it was last seen, and the next `pulumi up` waits on.
    /// </summary>
    public async Task<(string Id, WholesaleBillingReportState State)> CreateAsync(WholesaleBillingReportInputs inputs, TimeSpan? timeout, ResourceContext context)
    {
        var client = context.RequireProvider().Billing;
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);
        var created = await PostAsync(client, inputs, deadline, context);
        return (created, await WaitAsync(client, created, inputs, deadline, context));
    }

    /// <summary>
    /// Webex keeps one report per period, type and sub-partner, so the report that exists is the evidence: none may
    /// exist before the POST (one that does belongs to someone else, and is refused with the commands that adopt it),
    /// and one that exists after a POST met no answer, or after a POST the HTTP stack sent again on a fresh connection
    /// (answered 409), is this create's.
    /// </summary>
    private static async Task<string> PostAsync(IWholesaleBillingClient client, WholesaleBillingReportInputs inputs, OperationDeadline deadline, ResourceContext context)
    {
        var request = new CreateBillingReportRequest
        {
            BillingStartDate = inputs.BillingStartDate!, BillingEndDate = inputs.BillingEndDate!, Type = inputs.Type, SubPartnerOrgId = inputs.SubPartnerOrgId,
        };
        try
        {
            if (await FindAsync(client, inputs, deadline.Token) is { } holder)
            {
                throw Refused(inputs, holder, context);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return (await client.CreateAsync(request, deadline.Token)).Id;
                }
                catch (WebexApiException error) when (error.StatusCode == HttpStatusCode.Conflict)
                {
                    return (await FindAsync(client, inputs, deadline.Token))?.Id
                           ?? throw new ProviderException(ProviderErrorKind.Conflict,
                               $"Webex refused the {Describe(inputs)} as a conflict ({error.Message}), and lists no such report to adopt; run `pulumi up` again", error);
                }
                catch (WebexApiException error) when (error.Kind == WebexErrorKind.Unavailable)
                {
                    if (await FindAsync(client, inputs, deadline.Token) is { } mine)
                    {
                        return mine.Id;
                    }

                    if (attempt == CreateAttempts)
                    {
                        throw new ProviderException(ProviderErrorKind.Unavailable,
                            $"Webex did not take the request for the {Describe(inputs)} after {CreateAttempts} attempts, and holds no such report: {error.Message}; " +
                            "run `pulumi up` again later", error);
                    }

                    await context.Log.StatusAsync($"no answer to the request for the {Describe(inputs)}, and Webex holds no such report: asking again");
                }
                catch (WebexApiException error) when (error.Kind == WebexErrorKind.Rejected)
                {
                    throw new ProviderException(ProviderErrorKind.InvalidInput,
                        $"Webex refused the {Describe(inputs)}: {error.Message}. Check billingStartDate, billingEndDate (not in the future), type and subPartnerOrgId", error);
                }
            }
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            if (await deadline.LastLookAsync(look => FindAsync(client, inputs, look)) is { } found)
            {
                throw new ResourceInitFailedException<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>(found.Id, ToState(found, inputs),
                    [deadline.Stopped($"while Webex generated the {Describe(inputs)} (id {found.Id}); it is kept in the stack, and the next `pulumi up` waits on", stopped).Message]);
            }

            throw deadline.Stopped($"before Webex confirmed the {Describe(inputs)}; if it was created, `pulumi up` again is refused with the commands that adopt it", stopped);
        }
    }

    /// <summary>Polls until the report is generated: the state of a COMPLETED one; a FAILED one is deleted and explained.</summary>
    private static async Task<WholesaleBillingReportState> WaitAsync(IWholesaleBillingClient client, string id, WholesaleBillingReportInputs inputs,
        OperationDeadline deadline, ResourceContext context)
    {
        BillingReport? last = null;
        try
        {
            for (var wait = TimeSpan.Zero; ; wait = wait == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestPoll.Ticks)))
            {
                await Task.Delay(wait, context.Time, deadline.Token);
                last = await client.GetAsync(id, deadline.Token)
                       ?? throw new ProviderException(ProviderErrorKind.Conflict,
                           $"the {Describe(inputs)} (id {id}) was deleted outside Pulumi while Webex generated it; run `pulumi up` again to ask for a new one");
                switch (last.Status)
                {
                    case BillingReportStatus.Completed:
                        return ToState(last, inputs);
                    case BillingReportStatus.Failed:
                        throw await FailedAsync(client, last, inputs, context);
                    default:
                        await context.Log.StatusAsync($"Webex is generating the {Describe(inputs)} ({Echo.Of(last.Status ?? "no status")}, {OperationDeadline.Format(deadline.Elapsed)})");
                        break;
                }
            }
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            var state = last is null ? new WholesaleBillingReportState(inputs, new WholesaleBillingReportOutputs { Status = BillingReportStatus.InProgress }) : ToState(last, inputs);
            throw new ResourceInitFailedException<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>(id, state,
                [deadline.Stopped($"while Webex generated the {Describe(inputs)} (id {id}); it is kept in the stack as {state.Outputs.Status}, and the next `pulumi up` waits on", stopped).Message]);
        }
    }

    /// <summary>A failed report is of no use and would block the next request for its period: it is deleted, and the error carries Webex's reasons.</summary>
    private static async Task<Exception> FailedAsync(IWholesaleBillingClient client, BillingReport report, WholesaleBillingReportInputs inputs, ResourceContext context)
    {
        var reasons = (report.Errors ?? []).OfType<BillingReportError>().Select(error => error.ToString()).Where(text => text.Length > 0).ToList();
        var why = reasons.Count > 0 ? string.Join("; ", reasons.Select(Echo.Of)) : "Webex gave no reason";
        try
        {
            await client.DeleteAsync(report.Id, context.Cancellation);
        }
        catch (Exception error) when (error is WebexApiException or OperationCanceledException)
        {
            return new ResourceInitFailedException<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>(report.Id, ToState(report, inputs),
                [$"Webex could not generate the {Describe(inputs)} (id {report.Id}): {why}. Deleting the failed report failed too ({error.Message}); it is kept in the stack: " +
                 "run `pulumi up --replace` on it (or `pulumi destroy`) once Webex answers"]);
        }

        return new ProviderException(ProviderErrorKind.Conflict,
            $"Webex could not generate the {Describe(inputs)}: {why}. The failed report was deleted; run `pulumi up` again to ask for a new one " +
            "(check that the period has ended and that the token's organization is billed for it)");
    }

    private static ProviderException Refused(WholesaleBillingReportInputs inputs, BillingReport existing, ResourceContext context) =>
        ProviderException.Conflict(
                $"a {Describe(inputs)} already exists in Webex (id {existing.Id}, {Echo.Of(existing.Status ?? "no status")}), and Webex keeps one per period and type.\n" +
                AdoptionCommands.Import(TypeToken, context.Name, existing.Id) + AdoptionCommands.PendingCreate("billing report", context.Urn, existing.Id));

    /// <summary>The report Webex holds for the inputs' period, type and sub-partner (not a failed one), or null.</summary>
    private static async Task<BillingReport?> FindAsync(IWholesaleBillingClient client, WholesaleBillingReportInputs inputs, CancellationToken cancellationToken)
    {
        var filter = new BillingReportFilter
        {
            BillingStartDate = inputs.BillingStartDate, BillingEndDate = inputs.BillingEndDate, Type = inputs.Type ?? BillingReportType.Partner,
            SubPartnerOrgId = inputs.SubPartnerOrgId,
        };
        await foreach (var report in client.ListAsync(filter, cancellationToken))
        {
            if (report.Status != BillingReportStatus.Failed && report.BillingStartDate == inputs.BillingStartDate && report.BillingEndDate == inputs.BillingEndDate)
            {
                return report;
            }
        }

        return null;
    }

    public async Task<ReadResult<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>?> ReadAsync(string id, WholesaleBillingReportInputs? oldInputs,
        WholesaleBillingReportState? oldState, ResourceContext context)
    {
        BillingReportId.Require(id);
        var report = await context.RequireProvider().Billing.GetAsync(id, context.Cancellation);
        if (report is null)
        {
            return null;
        }

        var inputs = ToInputs(report, oldInputs ?? oldState?.Inputs);
        return new ReadResult<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>(id, ToState(report, inputs), inputs);
    }

    /// <summary>
    /// Every input replaces the report, so the engine updates one only to finish what a timeout left: it waits on a
    /// report still being generated. A failed one cannot be mended in place.
    /// </summary>
    public async Task<WholesaleBillingReportState> UpdateAsync(string id, WholesaleBillingReportState olds, WholesaleBillingReportInputs oldInputs,
        WholesaleBillingReportInputs news, TimeSpan? timeout, ResourceContext context)
    {
        BillingReportId.Require(id);
        var client = context.RequireProvider().Billing;
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);
        var report = await client.GetAsync(id, deadline.Token)
                     ?? throw ProviderException.Conflict($"billing report {id} no longer exists in Webex (deleted outside Pulumi); run `pulumi refresh` to drop it " +
                                                         "from the stack, then `pulumi up` to ask for it again");
        return report.Status == BillingReportStatus.Failed
            ? throw ProviderException.Conflict($"billing report {id} failed in Webex and cannot be mended: replace it with `pulumi up --replace '{context.Urn}'`")
            : await WaitAsync(client, id, news, deadline, context);
    }

    public async Task DeleteAsync(string id, WholesaleBillingReportState olds, WholesaleBillingReportInputs? oldInputs, TimeSpan? timeout, ResourceContext context)
    {
        BillingReportId.Require(id);
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);
        try
        {
            await context.RequireProvider().Billing.DeleteAsync(id, deadline.Token); // false: already gone, which is what was asked
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            throw deadline.Stopped($"before Webex confirmed the deletion of billing report {id}; it is kept in the stack: run `pulumi destroy` again", stopped);
        }
    }

    /// <summary>The inputs as Webex holds them; the sub-partner, which Webex does not return, kept from <paramref name="known"/>.</summary>
    private static WholesaleBillingReportInputs ToInputs(BillingReport report, WholesaleBillingReportInputs? known) => new()
    {
        BillingStartDate = report.BillingStartDate ?? known?.BillingStartDate,
        BillingEndDate = report.BillingEndDate ?? known?.BillingEndDate,
        Type = report.Type ?? known?.Type,
        SubPartnerOrgId = known?.SubPartnerOrgId,
    };

    private static WholesaleBillingReportState ToState(BillingReport report, WholesaleBillingReportInputs inputs) =>
        new(inputs, new WholesaleBillingReportOutputs
        {
            Category = report.Category,
            Status = report.Status,
            Created = report.Created,
            CreatedBy = report.CreatedBy,
            TempDownloadUrl = report.TempDownloadUrl,
            Errors = WebexMessageOutput.From(report.Errors),
        });

    private static string Describe(WholesaleBillingReportInputs inputs) =>
        $"{inputs.Type ?? BillingReportType.Partner} billing report for {inputs.BillingStartDate}..{inputs.BillingEndDate}" +
        (inputs.SubPartnerOrgId is { } subPartner ? $" of sub-partner {Echo.Of(subPartner)}" : "");
}
