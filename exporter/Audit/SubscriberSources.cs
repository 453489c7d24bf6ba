using System.Globalization;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Billing;

namespace WebexWholesale.Exporter.Audit;

/// <summary>Where the audit learns a context's subscribers.</summary>
public interface ISubscriberSource
{
    /// <summary>How the report names the source: <c>list</c> or <c>report</c>.</summary>
    string Name { get; }

    Task<IReadOnlyList<AuditSubscriber>> ListAsync(string? subPartner, CancellationToken cancellationToken);

    /// <summary>Of declared subscribers the listing did not show, those that exist all the same (a source that shows only part of them looks each up).</summary>
    Task<IReadOnlyList<AuditSubscriber>> ConfirmAsync(IReadOnlyList<(string Id, string? SubPartner)> missing, CancellationToken cancellationToken);
}

/// <summary>Every page of <c>GET /wholesale/subscribers</c>: exact, and a request per 100 subscribers.</summary>
public sealed class ListedSubscribers(IWholesaleSubscribersClient client) : ISubscriberSource
{
    public string Name => "list";

    public async Task<IReadOnlyList<AuditSubscriber>> ListAsync(string? subPartner, CancellationToken cancellationToken)
    {
        var found = new List<AuditSubscriber>();
        await foreach (var subscriber in client.ListAsync(new SubscriberListFilter { PageSize = 100 }, subPartner, cancellationToken))
        {
            found.Add(AuditSubscriber.From(subscriber));
        }

        return found;
    }

    /// <summary>The list shows every subscriber: one it did not show is gone.</summary>
    public Task<IReadOnlyList<AuditSubscriber>> ConfirmAsync(IReadOnlyList<(string Id, string? SubPartner)> missing, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditSubscriber>>([]);
}

/// <summary>
/// A point-in-time USER billing report of today: one report and one download instead of a page per 100 subscribers.
/// A report this audit asks for is deleted once read; one that already exists for today is read and kept. The CSV is
/// fetched from its presigned link without the token.
/// </summary>
public sealed class ReportedSubscribers(IWholesaleBillingClient billing, IWholesaleSubscribersClient subscribers, BillingReportDownload download, TimeProvider time,
    Action<string> progress) : ISubscriberSource
{
    /// <summary>How long the audit waits for Webex to generate the report.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    public string Name => "report";

    public async Task<IReadOnlyList<AuditSubscriber>> ListAsync(string? subPartner, CancellationToken cancellationToken)
    {
        var today = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var request = new CreateBillingReportRequest { BillingStartDate = today, BillingEndDate = today, Type = BillingReportType.User, SubPartnerOrgId = subPartner };
        // One report per day and type: one that exists already is read and kept; otherwise the one that exists after
        // the POST (answered, or refused as a conflict after the HTTP stack sent it again) is this audit's, deleted once read.
        var existing = await ExistingAsync(request, cancellationToken);
        var ours = existing is null;
        string id;
        try
        {
            id = existing ?? (await billing.CreateAsync(request, cancellationToken)).Id;
        }
        catch (WebexApiException error) when (error.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            id = await ExistingAsync(request, cancellationToken) ?? throw new ExportException($"Webex refused a USER billing report for {today} as a conflict, " +
                                                                                            "and lists none to read: run the audit without --subscribers-from-report");
        }
        catch (WebexApiException error) when (error.Kind == WebexErrorKind.Rejected)
        {
            throw new ExportException($"Webex refused a point-in-time USER billing report for {today}: {error.Message}; run the audit without " +
                                      "--subscribers-from-report (it reads the subscriber list instead)", error);
        }

        try
        {
            var report = await WaitAsync(id, cancellationToken);
            var csv = BillingCsv.Parse(await download.FetchAsync(report.TempDownloadUrl!, cancellationToken));
            var columns = csv.Columns("subscriberId", "customerId", "email", "package", "status");
            return [.. csv.Rows.GroupBy(row => row[columns[0]], StringComparer.Ordinal).Where(group => group.Key.Length > 0)
                .Select(group => new AuditSubscriber(group.Key, group.First()[columns[2]], group.First()[columns[1]],
                    [.. group.Select(row => row[columns[3]]).Where(package => package.Length > 0).Distinct(StringComparer.Ordinal)], group.First()[columns[4]]))];
        }
        catch (FormatException error)
        {
            throw new ExportException($"the USER billing report {id} cannot be read: {error.Message}", error);
        }
        catch (BillingDownloadException error)
        {
            throw new ExportException($"the USER billing report {id} cannot be fetched: {error.Message}", error);
        }
        finally
        {
            if (ours)
            {
                try
                {
                    await billing.DeleteAsync(id, CancellationToken.None);
                }
                catch (WebexApiException error)
                {
                    progress($"could not delete the billing report {id} this audit asked for ({error.Message}); delete it in Partner Hub");
                }
            }
        }
    }

    /// <summary>A report lists what Webex bills: a declared subscriber it leaves out (one not billed yet, waiting for its user's consent) is looked up before it is called gone.</summary>
    public async Task<IReadOnlyList<AuditSubscriber>> ConfirmAsync(IReadOnlyList<(string Id, string? SubPartner)> missing, CancellationToken cancellationToken)
    {
        var found = new List<AuditSubscriber>();
        foreach (var (id, subPartner) in missing)
        {
            if (await subscribers.GetAsync(id, subPartner, cancellationToken) is { } subscriber)
            {
                found.Add(AuditSubscriber.From(subscriber));
            }
        }

        return found;
    }

    private async Task<string?> ExistingAsync(CreateBillingReportRequest request, CancellationToken cancellationToken)
    {
        var filter = new BillingReportFilter
        {
            BillingStartDate = request.BillingStartDate, BillingEndDate = request.BillingEndDate, Type = BillingReportType.User, SubPartnerOrgId = request.SubPartnerOrgId,
        };
        await foreach (var report in billing.ListAsync(filter, cancellationToken))
        {
            if (report.Status != BillingReportStatus.Failed)
            {
                return report.Id;
            }
        }

        return null;
    }

    private async Task<BillingReport> WaitAsync(string id, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        for (var wait = TimeSpan.Zero; ; wait = TimeSpan.FromSeconds(Math.Min(Math.Max(wait.TotalSeconds * 2, 0.5), 10)))
        {
            await Task.Delay(wait, time, cancellationToken);
            var report = await billing.GetAsync(id, cancellationToken) ?? throw new ExportException($"the billing report {id} was deleted while the audit waited for it");
            switch (report.Status)
            {
                case BillingReportStatus.Completed:
                    return report;
                case BillingReportStatus.Failed:
                    throw new ExportException($"Webex could not generate the USER billing report {id}: " +
                                              $"{string.Join("; ", (report.Errors ?? []).OfType<BillingReportError>().Select(e => e.ToString()))}; run the audit without --subscribers-from-report");
            }

            if (time.GetUtcNow() - started > Patience)
            {
                throw new ExportException($"Webex had not generated the USER billing report {id} after {Patience.TotalMinutes:0} minutes; run the audit without --subscribers-from-report");
            }

            progress($"waiting for Webex to generate the USER billing report ({report.Status})");
        }
    }
}
