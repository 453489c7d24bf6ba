using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebexWholesale.Simulator;

/// <summary>
/// The simulated wholesale billing reports. A report is generated from the store's own customers and subscribers in
/// <c>provisioningSeconds</c> of simulated time (advanced when looked at, like customers), then COMPLETED, or FAILED
/// when the control API queued a failure. Its CSV is served on a second origin at a presigned link that expires, as
/// Webex's content server does: the link alone grants access, so a request there must carry no token.
/// </summary>
public sealed class BillingReportStore(TimeProvider time, CustomerStore customers)
{
    /// <summary>How long a download link stays valid.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly List<StoredReport> _reports = [];
    private readonly Queue<string> _failures = new();
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private long _sequence;

    /// <summary>The origin the CSVs are served from (the second listener), known once it is started.</summary>
    public string DownloadOrigin { get; set; } = "";

    public sealed record StoredReport
    {
        public required string Id { get; init; }
        public required string FileId { get; init; }
        public required string BillingStartDate { get; init; }
        public required string BillingEndDate { get; init; }
        public required string Type { get; init; }
        public required string Category { get; init; }
        public string? SubPartnerOrgId { get; init; }
        public required DateTimeOffset Created { get; init; }
        public required DateTimeOffset ReadyAt { get; init; }
        public string? FailWith { get; init; }
        public string Status { get; set; } = "IN_PROGRESS";
        public string? Csv { get; set; }
        public long Sequence { get; init; }
    }

    /// <summary>The next <paramref name="count"/> reports fail with this description.</summary>
    public void FailNext(int count, string description)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(description);
            }
        }
    }

    /// <summary>A new report, or the conflict message when one for the period, type and sub-partner exists (not a failed one).</summary>
    public (StoredReport? Report, string? Conflict) Create(string start, string end, string type, string? subPartner)
    {
        lock (_gate)
        {
            AdvanceAll();
            if (_reports.Any(r => r.BillingStartDate == start && r.BillingEndDate == end && r.Type == type && r.SubPartnerOrgId == subPartner && r.Status != "FAILED"))
            {
                return (null, $"A {type} billing report for {start} to {end} already exists.");
            }

            var now = time.GetUtcNow();
            var report = new StoredReport
            {
                Id = CustomerStore.EncodeId("BILLING_REPORT", Guid.NewGuid()),
                FileId = Guid.NewGuid().ToString(),
                BillingStartDate = start,
                BillingEndDate = end,
                Type = type,
                Category = start == end ? "POINT_IN_TIME" : "RECONCILIATION",
                SubPartnerOrgId = subPartner,
                Created = now,
                ReadyAt = now + customers.ProvisioningTime,
                FailWith = _failures.Count > 0 ? _failures.Dequeue() : null,
                Sequence = ++_sequence,
            };
            _reports.Add(report);
            return (report with { }, null);
        }
    }

    public StoredReport? Get(string id)
    {
        lock (_gate)
        {
            AdvanceAll();
            return _reports.FirstOrDefault(r => r.Id == id) is { } found ? found with { } : null;
        }
    }

    public List<StoredReport> List()
    {
        lock (_gate)
        {
            AdvanceAll();
            return [.. _reports.OrderBy(r => r.Sequence).Select(r => r with { })];
        }
    }

    public bool Delete(string id)
    {
        lock (_gate)
        {
            return _reports.RemoveAll(r => r.Id == id) > 0;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _reports.Clear();
            _failures.Clear();
        }
    }

    /// <summary>A presigned link to the report's CSV, valid for <see cref="LinkLifetime"/> from now.</summary>
    public string LinkOf(StoredReport report)
    {
        var expires = (time.GetUtcNow() + LinkLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var path = $"/{report.FileId}/WHOLESALE/{report.FileId}.csv";
        return $"{DownloadOrigin}{path}?Expires={expires}&Signature={Sign(path, expires)}&Key-Pair-Id=SIMULATOR";
    }

    /// <summary>The CSV behind a link, or the HTTP status and message refusing it.</summary>
    public (string? Csv, int Status, string? Refusal) Download(string path, string? expires, string? signature)
    {
        if (expires is null || signature is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(path, expires)), Encoding.ASCII.GetBytes(signature)))
        {
            return (null, 403, "Access denied: the link's signature does not match.");
        }

        if (!long.TryParse(expires, CultureInfo.InvariantCulture, out var seconds) || time.GetUtcNow().ToUnixTimeSeconds() > seconds)
        {
            return (null, 403, "Access denied: the link has expired.");
        }

        lock (_gate)
        {
            AdvanceAll();
            return _reports.FirstOrDefault(r => path == $"/{r.FileId}/WHOLESALE/{r.FileId}.csv") is { Csv: { } csv }
                ? (csv, 200, null)
                : (null, 404, "No such report file.");
        }
    }

    private string Sign(string path, string expires) =>
        Convert.ToBase64String(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes($"{path}\n{expires}"))).TrimEnd('=').Replace('+', '-').Replace('/', '~');

    private void AdvanceAll()
    {
        var now = time.GetUtcNow();
        foreach (var report in _reports.Where(r => r.Status == "IN_PROGRESS" && now >= r.ReadyAt))
        {
            report.Status = report.FailWith is null ? "COMPLETED" : "FAILED";
            report.Csv = report.FailWith is null ? BillingCsvWriter.Write(report, customers) : null;
        }
    }
}

/// <summary>
/// The simulator's CSV columns (Webex's own are not in the contract): USER lists each subscriber's packages, CUSTOMER
/// each customer's packages with their subscriber counts, PARTNER the totals per package.
/// </summary>
internal static class BillingCsvWriter
{
    public static string Write(BillingReportStore.StoredReport report, CustomerStore store)
    {
        var customers = store.List().Where(c => c.SubPartnerOrgId == report.SubPartnerOrgId && c.Status != "deleting").ToList();
        var byId = customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        // Billed: the subscribers provisioned in the customer, not those still waiting for their user's consent to move.
        var subscribers = store.AllSubscribers().Where(s => byId.ContainsKey(s.CustomerId) && s.Status != "pending_user_migration").ToList();
        var csv = new StringBuilder();
        void Row(params string?[] fields) => csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
        var period = new[] { report.BillingStartDate, report.BillingEndDate };
        switch (report.Type)
        {
            case "USER":
                Row("customerId", "customerOrgId", "externalCustomerId", "subscriberId", "email", "package", "status", "billingStartDate", "billingEndDate");
                foreach (var subscriber in subscribers)
                {
                    var customer = byId[subscriber.CustomerId];
                    foreach (var package in subscriber.Packages)
                    {
                        Row([customer.Id, customer.OrgId, customer.ExternalId, subscriber.Id, subscriber.Email, package, subscriber.Status, .. period]);
                    }
                }

                break;
            case "CUSTOMER":
                Row("customerId", "customerOrgId", "externalCustomerId", "package", "subscribers", "billingStartDate", "billingEndDate");
                foreach (var customer in customers)
                {
                    var mine = subscribers.Where(s => s.CustomerId == customer.Id).ToList();
                    foreach (var package in customer.Packages.Union(mine.SelectMany(s => s.Packages)).Order(StringComparer.Ordinal))
                    {
                        Row([customer.Id, customer.OrgId, customer.ExternalId, package, Count(mine.Count(s => s.Packages.Contains(package))), .. period]);
                    }
                }

                break;
            default:
                Row("package", "customers", "subscribers", "billingStartDate", "billingEndDate");
                foreach (var package in customers.SelectMany(c => c.Packages).Union(subscribers.SelectMany(s => s.Packages)).Distinct().Order(StringComparer.Ordinal))
                {
                    Row([package, Count(customers.Count(c => c.Packages.Contains(package))), Count(subscribers.Count(s => s.Packages.Contains(package))), .. period]);
                }

                break;
        }

        return csv.ToString();
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string? field) =>
        field is null ? "" : field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
