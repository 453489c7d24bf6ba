using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Exporter;

/// <summary>What to export and where to write it.</summary>
public sealed record ExportRequest(
    string BaseUrl, string? AccessToken, IReadOnlyList<string> Statuses, string? SubPartner, string? ExternalIdPrefix,
    string ImportFile, string FleetFile, TimeSpan RetryFor, bool Force = false, int Shards = 1)
{
    /// <summary>The import file and fleet file of each shard, in shard order (one pair, the paths given, for one shard).</summary>
    public IReadOnlyList<(string Import, string Fleet)> Files() =>
        [.. Enumerable.Range(1, Shards).Select(shard => (Exporter.Shards.FileOf(ImportFile, shard, Shards), Exporter.Shards.FileOf(FleetFile, shard, Shards)))];

    /// <summary>The customer statuses Webex lists by (<c>--status</c>).</summary>
    public static readonly IReadOnlyList<string> KnownStatuses =
    [
        CustomerStatus.Provisioned, CustomerStatus.ProvisionedWithErrors, CustomerStatus.Provisioning, CustomerStatus.Updating, CustomerStatus.Deleting,
        CustomerStatus.Error, CustomerStatus.PendingRplReview,
    ];

    /// <summary>What is wrong with the request before anything is asked of Webex, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            return $"no access token: set WEBEX_ACCESS_TOKEN (or --access-token) to a Webex token with {WebexScopes.Listed(WebexScopes.ToRead)}";
        }

        if (TokenOrigin.Problem(BaseUrl) is { } origin)
        {
            return $"--base-url (or WEBEX_BASE_URL): {origin}";
        }

        if (Statuses.FirstOrDefault(status => !KnownStatuses.Contains(status, StringComparer.Ordinal)) is { } unknown)
        {
            return $"--status '{unknown}' is not a customer status; use one of {string.Join(", ", KnownStatuses)} (repeat --status for several)";
        }

        if (Path.GetFullPath(ImportFile) == Path.GetFullPath(FleetFile))
        {
            return "--import-file and --fleet-file name the same file";
        }

        if (Shards is < 1 or > Exporter.Shards.Most)
        {
            return $"--shards must be from 1 to {Exporter.Shards.Most}";
        }

        return RetryFor < TimeSpan.Zero || RetryFor > TimeSpan.FromHours(1) ? "--retry-for must be from 0 to 3600 seconds" : null;
    }
}
