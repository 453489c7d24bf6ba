namespace WebexWholesale.Exporter;

/// <summary>What to export and where to write it.</summary>
public sealed record ExportRequest(
    string BaseUrl, string? AccessToken, IReadOnlyList<string> Statuses, string? SubPartner, string? ExternalIdPrefix,
    string ImportFile, string FleetFile, TimeSpan RetryFor)
{
    /// <summary>What is wrong with the request before anything is asked of Webex, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            return "no access token: set WEBEX_ACCESS_TOKEN (or --access-token) to a Webex token with spark-admin:wholesale_customers_read";
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return $"--base-url '{BaseUrl}' is not an absolute http(s) URL such as https://webexapis.com/v1";
        }

        if (Path.GetFullPath(ImportFile) == Path.GetFullPath(FleetFile))
        {
            return "--import-file and --fleet-file name the same file";
        }

        return RetryFor < TimeSpan.Zero || RetryFor > TimeSpan.FromHours(1) ? "--retry-for must be from 0 to 3600 seconds" : null;
    }
}
