using System.CommandLine;
using WebexWholesale.Exporter.Audit;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Webex.Http;

namespace WebexWholesale.Exporter;

/// <summary>The command line of <c>webex-wholesale-export</c>: options, environment fallbacks, and one clear line per failure.</summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var (baseUrl, accessToken, retryFor) = (BaseUrlOption(), AccessTokenOption(), RetryForOption());
        var status = new Option<string[]>("--status")
        {
            Description = $"only customers in this status ({string.Join(", ", ExportRequest.KnownStatuses)}); repeat for several", AllowMultipleArgumentsPerToken = true,
        };
        var subPartner = new Option<string>("--sub-partner") { Description = "list the customers of this sub-partner organization (onBehalfOfSubPartnerOrgId)" };
        var prefix = new Option<string>("--external-id-prefix") { Description = "only customers whose externalId starts with this text" };
        var importFile = new Option<string>("--import-file") { Description = "Pulumi bulk import file to write, for `pulumi import --file`", DefaultValueFactory = _ => "import.json" };
        var fleetFile = new Option<string>("--fleet-file") { Description = "fleet file to write, as examples/csharp reads it", DefaultValueFactory = _ => "customers.yaml" };
        var shards = new Option<int>("--shards")
        {
            Description = "split the export into this many shards, one stack each: <import-file>-N and <fleet-file>-N, a customer by a stable hash " +
                          "of its Webex id, its subscribers with it (default 1: the files as named)",
            DefaultValueFactory = _ => 1,
        };
        var force = new Option<bool>("--force") { Description = "replace existing files even when this export finds fewer customers or subscribers than they list" };
        var root = new RootCommand(
            "Lists your Webex Wholesale customers and writes a Pulumi bulk import file and a fleet file, so that a stack can adopt them.")
        {
            baseUrl, accessToken, status, subPartner, prefix, importFile, fleetFile, shards, retryFor, force,
            AuditCommand.Build(stdout, stderr, environment, time),
        };
        root.SetAction(async (result, token) =>
        {
            var request = new ExportRequest(
                BaseUrl: result.GetValue(baseUrl) ?? environment(ProviderConfiguration.BaseUrlVariable) ?? ProviderConfiguration.DefaultBaseUrl.AbsoluteUri,
                AccessToken: result.GetValue(accessToken) ?? environment(ProviderConfiguration.AccessTokenVariable),
                Statuses: result.GetValue(status) ?? [],
                SubPartner: result.GetValue(subPartner),
                ExternalIdPrefix: result.GetValue(prefix),
                ImportFile: result.GetValue(importFile)!,
                FleetFile: result.GetValue(fleetFile)!,
                RetryFor: TimeSpan.FromSeconds(result.GetValue(retryFor)),
                Force: result.GetValue(force),
                Shards: result.GetValue(shards));
            return await RunAsync(request, stdout, stderr, time, token);
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The errors alone, in words, and where the options are: not the whole help under them.
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"webex-wholesale-export: {error.Message}");
            }

            await stderr.WriteLineAsync("webex-wholesale-export --help lists the options");
            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    public static Option<string> BaseUrlOption() => new("--base-url")
    {
        Description = $"Webex API base URL (default: ${ProviderConfiguration.BaseUrlVariable}, else {ProviderConfiguration.DefaultBaseUrl})",
    };

    public static Option<string> AccessTokenOption(IReadOnlyList<string>? scopes = null) => new("--access-token")
    {
        Description = $"Webex access token with {WebexScopes.Listed(scopes ?? WebexScopes.ToRead)} (default: ${ProviderConfiguration.AccessTokenVariable}; prefer the variable, a command line is visible to other users)",
    };

    public static Option<int> RetryForOption() => new("--retry-for")
    {
        Description = "seconds to keep retrying a request Webex rate-limits or does not answer (0: no retries; default 120)",
        DefaultValueFactory = _ => 120,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds;
            }

            result.AddError($"--retry-for takes a whole number of seconds from 0 to 3600, not '{text}'");
            return 0;
        },
    };

    private static async Task<int> RunAsync(ExportRequest request, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem)
        {
            await stderr.WriteLineAsync($"webex-wholesale-export: {problem}");
            return 2;
        }

        var progress = new Progress(stderr, time);
        using var provider = Connect(request.BaseUrl, request.AccessToken!, request.RetryFor, progress, time);
        return await GuardAsync("webex-wholesale-export", stderr, async () =>
        {
            var summary = await new FleetExport(provider.Customers, provider.Subscribers, progress).RunAsync(request, cancellationToken);
            var next = request.Shards == 1
                ? $"to {request.ImportFile} and {request.FleetFile}; fill in what Webex does not return (marked TODO in {request.FleetFile}), then run " +
                  $"`pulumi import --file {request.ImportFile}` or add import options to your program"
                : $"to {request.Shards} shards ({string.Join(", ", request.Files().Select(files => $"{files.Import} + {files.Fleet}"))}); fill in what " +
                  $"Webex does not return (marked TODO), then in each shard's stack run `pulumi import --file <its import file>` or add import options to its program";
            await stdout.WriteLineAsync($"wrote {Progress.Count(summary.Customers, "customer")} and {Progress.Count(summary.Subscribers, "subscriber")} {next}");
            return 0;
        }, cancellationToken);
    }

    /// <summary>The Webex client of a command: the plugin's pipeline, retrying within <paramref name="retryFor"/> and saying so on stderr.</summary>
    internal static ConfiguredProvider Connect(string baseUrl, string accessToken, TimeSpan retryFor, Progress progress, TimeProvider time)
    {
        var settings = new ProviderSettings(new Uri(baseUrl), accessToken, ProviderConfiguration.DefaultMaxConcurrentRequests);
        var retry = new WebexRetryOptions { RetryWindow = retryFor, AttemptTimeout = TimeSpan.FromSeconds(30) };
        return ConfiguredProvider.Create(settings, time, retrying => progress.Retrying(baseUrl, retryFor, retrying), retry);
    }

    /// <summary>A command's work with the exporter's exit codes for failures: 1 and one line for an error or a file that cannot be written, 130 when cancelled.</summary>
    internal static async Task<int> GuardAsync(string tool, TextWriter stderr, Func<Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work();
        }
        catch (ExportException error)
        {
            await stderr.WriteLineAsync($"{tool}: {error.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"{tool}: cancelled; nothing was written");
            return 130;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"{tool}: cannot finish writing the files: {error.Message}");
            return 1;
        }
    }
}
