using System.CommandLine;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Billing;
using WebexWholesale.Provider.Webex.Http;

namespace WebexWholesale.Exporter.Audit;

/// <summary>
/// <c>webex-wholesale-export audit</c>: what no stack declares. Exit codes: 0 nothing found, 3 something found
/// (unmanaged, managed twice or gone), 1 an error, 2 a usage error, 130 cancelled; never 7, which is
/// <c>pulumi preview --expect-no-changes</c>'s drift, so a workflow running both tells them apart.
/// </summary>
public static class AuditCommand
{
    public const int Found = 3;

    public static Command Build(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider time)
    {
        var (baseUrl, accessToken, retryFor) = (ExportCommand.BaseUrlOption(), ExportCommand.AccessTokenOption(), ExportCommand.RetryForOption());
        var stackExports = new Option<string[]>("--stack-export")
        {
            Description = "a stack's state as `pulumi stack export --file <file>` writes it; repeat for every stack (shard) on this token",
            Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var subPartners = new Option<string[]>("--sub-partner")
        {
            Description = "also audit the customers of this sub-partner organization; repeat for several (those the stacks manage are audited anyway)",
            AllowMultipleArgumentsPerToken = true,
        };
        var fromReport = new Option<bool>("--subscribers-from-report")
        {
            Description = $"read the subscribers from one point-in-time USER billing report instead of the subscriber list's pages (token: {WebexScopes.Listed(WebexScopes.ToAuditFromReport)})",
        };
        var format = new Option<string>("--format") { Description = "what stdout shows: table (default), json or markdown", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "markdown");
        var summaryFile = new Option<string>("--summary-file") { Description = "append the Markdown report to this file (e.g. $GITHUB_STEP_SUMMARY)" };
        var importFile = new Option<string>("--import-file") { Description = "write a Pulumi bulk import file that adopts the unmanaged customers and subscribers" };
        var fleetFile = new Option<string>("--fleet-file") { Description = "write a fleet file fragment with the unmanaged customers (and, as comments, the unmanaged subscribers of declared ones)" };
        var force = new Option<bool>("--force") { Description = "replace an existing --import-file or --fleet-file (without it, an existing file is kept and nothing is written)" };
        var command = new Command("audit",
            "Compares the stacks' state with Webex: customers and subscribers no stack declares (billed outside Git), those two stacks declare, and those " +
            $"gone from Webex. Exit 0: nothing found; {Found}: something found; 1: error; 2: usage.")
        {
            baseUrl, accessToken, stackExports, subPartners, fromReport, format, summaryFile, importFile, fleetFile, force, retryFor,
        };
        command.SetAction(async (result, token) => await RunAsync(new Request(
            BaseUrl: result.GetValue(baseUrl) ?? environment(ProviderConfiguration.BaseUrlVariable) ?? ProviderConfiguration.DefaultBaseUrl.AbsoluteUri,
            AccessToken: result.GetValue(accessToken) ?? environment(ProviderConfiguration.AccessTokenVariable),
            StackExports: result.GetValue(stackExports) ?? [],
            SubPartners: result.GetValue(subPartners) ?? [],
            FromReport: result.GetValue(fromReport),
            Format: result.GetValue(format)!,
            SummaryFile: result.GetValue(summaryFile),
            ImportFile: result.GetValue(importFile),
            FleetFile: result.GetValue(fleetFile),
            Force: result.GetValue(force),
            RetryFor: TimeSpan.FromSeconds(result.GetValue(retryFor))), stdout, stderr, time, token));
        return command;
    }

    private sealed record Request(string BaseUrl, string? AccessToken, IReadOnlyList<string> StackExports, IReadOnlyList<string> SubPartners, bool FromReport,
        string Format, string? SummaryFile, string? ImportFile, string? FleetFile, bool Force, TimeSpan RetryFor)
    {
        public string? Problem() =>
            string.IsNullOrWhiteSpace(AccessToken)
                ? $"no access token: set WEBEX_ACCESS_TOKEN (or --access-token) to a Webex token with {WebexScopes.Listed(FromReport ? WebexScopes.ToAuditFromReport : WebexScopes.ToRead)}"
                : TokenOrigin.Problem(BaseUrl) is { } origin ? $"--base-url (or WEBEX_BASE_URL): {origin}"
                : StackExports.FirstOrDefault(path => !File.Exists(path)) is { } missing ? $"--stack-export {missing}: no such file (write it with `pulumi stack export --file {missing}`)"
                : ImportFile is not null && FleetFile is not null && Path.GetFullPath(ImportFile) == Path.GetFullPath(FleetFile) ? "--import-file and --fleet-file name the same file"
                : new[] { ImportFile, FleetFile, SummaryFile }.OfType<string>().FirstOrDefault(path => StackExports.Any(stack => Path.GetFullPath(stack) == Path.GetFullPath(path)))
                    is { } clash ? $"{clash} is a stack export given with --stack-export; the audit never writes over one"
                : RetryFor < TimeSpan.Zero || RetryFor > TimeSpan.FromHours(1) ? "--retry-for must be from 0 to 3600 seconds"
                : null;
    }

    private static async Task<int> RunAsync(Request request, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem)
        {
            await stderr.WriteLineAsync($"webex-wholesale-export audit: {problem}");
            return 2;
        }

        var progress = new Progress(stderr, time);
        using var provider = ExportCommand.Connect(request.BaseUrl, request.AccessToken!, request.RetryFor, progress, time);
        using var downloads = BillingReportDownload.CreateClient();
        ISubscriberSource source = request.FromReport
            ? new ReportedSubscribers(provider.Billing, provider.Subscribers, new BillingReportDownload(downloads), time, message => stderr.WriteLine($"webex-wholesale-export audit: {message}"))
            : new ListedSubscribers(provider.Subscribers);
        var outputs = new List<(AtomicFile File, Func<EstateAudit.Outcome, string> Text)>();
        try
        {
            return await ExportCommand.GuardAsync("webex-wholesale-export audit", stderr, async () =>
            {
                foreach (var (path, isImport) in new[] { (request.ImportFile, true), (request.FleetFile, false) })
                {
                    if (path is not null)
                    {
                        // An audit's files are new each run; any file already there (an export's, another run's, the user's own) is kept.
                        if (File.Exists(path) && !request.Force)
                        {
                            throw new ExportException($"kept {path} as it is: it exists; nothing was written. Choose a new path, or pass --force to replace it");
                        }

                        outputs.Add((AtomicFile.Open(path), isImport
                            ? outcome => ImportFileWriter.Write(outcome.Customers, [.. outcome.SubscribersOfDeclared.Select(pair => pair.Subscriber)])
                            : outcome => FleetFileWriter.WriteFragment(outcome.Customers, outcome.SubscribersOfDeclared)));
                    }
                }

                var outcome = await new EstateAudit(provider.Customers, source, progress).RunAsync(request.StackExports, request.SubPartners, request.BaseUrl, cancellationToken);
                var report = outcome.Report;
                await stdout.WriteAsync(request.Format switch
                {
                    "json" => AuditOutput.Json(report),
                    "markdown" => AuditOutput.Markdown(report),
                    _ => AuditOutput.Table(report),
                });
                if (request.SummaryFile is { } summary)
                {
                    await File.AppendAllTextAsync(summary, AuditOutput.Markdown(report), cancellationToken);
                }

                foreach (var (file, text) in outputs)
                {
                    file.Write(text(outcome));
                }

                foreach (var (file, _) in outputs)
                {
                    file.Commit();
                }

                return report.Clean ? 0 : Found;
            }, cancellationToken);
        }
        finally
        {
            foreach (var (file, _) in outputs)
            {
                file.Dispose();
            }
        }
    }
}
