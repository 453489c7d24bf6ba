using System.Text.Json;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;

namespace WebexWholesale.Exporter;

/// <summary>
/// What the files an export would replace already hold. An export never replaces them with fewer customers or
/// subscribers (a mistyped filter, another partner's token, a Webex outage answering empty pages) or replaces a file
/// this tool did not write, unless asked to with <c>--force</c>: the files may be the only list a partner has.
/// </summary>
public static class PreviousExport
{
    public sealed record Counts(int Customers, int Subscribers)
    {
        public override string ToString() =>
            $"{Customers} {(Customers == 1 ? "customer" : "customers")} and {Subscribers} {(Subscribers == 1 ? "subscriber" : "subscribers")}";
    }

    /// <summary>Throws when replacing the files with <paramref name="exported"/> would lose items or a file that is not an export.</summary>
    public static void EnsureReplaceable(string importFile, string fleetFile, bool force, Counts exported)
    {
        if (force)
        {
            return;
        }

        var fromImport = ImportFileCounts(importFile);
        var fromFleet = FleetFileCounts(fleetFile);
        foreach (var (path, counts) in new[] { (importFile, fromImport), (fleetFile, fromFleet) })
        {
            if (counts is null)
            {
                continue;
            }

            if (counts.Customers < 0)
            {
                throw new ExportException($"kept {path} as it is: it exists and is not a file webex-wholesale-export wrote; nothing was written. " +
                                          "Choose another path, or pass --force to replace it");
            }

            if (exported.Customers < counts.Customers || exported.Subscribers < counts.Subscribers)
            {
                throw new ExportException($"kept {importFile} and {fleetFile} as they are: {path} lists {counts}, and this export found " +
                                          $"only {exported} (check the filters, --sub-partner and the token's partner); nothing was written. " +
                                          "Pass --force to replace them with what was found");
            }
        }
    }

    /// <summary>The items of an import file; null when there is none, Customers -1 when it is not one.</summary>
    private static Counts? ImportFileCounts(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!document.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
            {
                return new Counts(-1, -1);
            }

            var types = resources.EnumerateArray()
                .Select(entry => entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("type", out var type) ? type.GetString() : null).ToList();
            return new Counts(types.Count(type => type == WholesaleCustomerResource.TypeToken), types.Count(type => type == WholesaleSubscriberResource.TypeToken));
        }
        catch (JsonException)
        {
            return new Counts(-1, -1);
        }
    }

    /// <summary>The items of a fleet file this tool wrote (its header, one line per customer and subscriber); Customers -1 for any other file.</summary>
    private static Counts? FleetFileCounts(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith(FleetFileWriter.Header, StringComparison.Ordinal))
        {
            return new Counts(-1, -1);
        }

        return new Counts(lines.Count(line => line.StartsWith(FleetFileWriter.CustomerLine, StringComparison.Ordinal)),
            lines.Count(line => line.StartsWith(FleetFileWriter.SubscriberLine, StringComparison.Ordinal)));
    }
}
