using System.Text;
using System.Text.Json;
using WebexWholesale.Provider.Resources.WholesaleCustomer;

namespace WebexWholesale.Exporter;

/// <summary>
/// The fleet file that examples/csharp reads (<c>customers.yaml</c>), with what Webex knows filled in and what it
/// does not return left empty and marked TODO. Scalars are written double-quoted with JSON escapes, which YAML reads
/// as they are, so no value can break the file.
/// </summary>
public static class FleetFileWriter
{
    /// <summary>How the file begins, and how its customer and subscriber lines begin (<see cref="PreviousExport"/> counts by them).</summary>
    public const string Header = "# Exported from Webex by webex-wholesale-export.";
    public const string CustomerLine = "  - externalId: ";
    public const string SubscriberLine = "      - {email: ";

    public static string Write(IReadOnlyList<ExportedCustomer> customers)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine($"{Header} Webex does not return a customer's name, administrator e-mail,");
        yaml.AppendLine("# template or calling location: they are left empty and marked TODO. An adopted customer needs none of them;");
        yaml.AppendLine("# fill them in to be able to create the customer again (after a replacement or in another org).");
        yaml.AppendLine("provisioningId: \"\" # TODO: the Provisioning ID of your Customer Template in Partner Hub (needed for new customers)");
        yaml.AppendLine(customers.Count == 0 ? "customers: []" : "customers:");
        foreach (var customer in customers)
        {
            var inputs = customer.Inputs;
            yaml.AppendLine($"{CustomerLine}{Quote(inputs.ExternalId ?? "")}");
            if (customer.PulumiName != inputs.ExternalId)
            {
                yaml.AppendLine($"    pulumiName: {Quote(customer.PulumiName)} # the externalId is not a plain Pulumi name");
            }

            yaml.AppendLine($"    webexId: {Quote(customer.Id)}");
            yaml.AppendLine("    name: \"\" # TODO: the customer's name");
            yaml.AppendLine("    primaryEmail: \"\" # TODO: the e-mail of its first administrator");
            yaml.AppendLine($"    packages: [{string.Join(", ", (inputs.Packages ?? []).Select(Quote))}]");
            if (inputs.Address is { } address)
            {
                var fields = new (string Key, string? Value)[]
                {
                    ("addressLine1", address.AddressLine1), ("addressLine2", address.AddressLine2), ("city", address.City),
                    ("stateOrProvince", address.StateOrProvince), ("zipOrPostalCode", address.ZipOrPostalCode), ("country", address.Country),
                };
                yaml.AppendLine($"    address: {{{string.Join(", ", fields.Where(f => f.Value is not null).Select(f => $"{f.Key}: {Quote(f.Value!)}"))}}}");
            }

            if ((inputs.Packages ?? []).Any(PackageCatalog.Calling.Contains))
            {
                yaml.AppendLine("    # TODO: callingLocation (name, timezone, language) — Webex does not return the customer's first calling location");
            }

            WriteSubscribers(yaml, customer);
        }

        return yaml.ToString();
    }

    /// <summary>
    /// The audit's fleet fragment: the unmanaged customers as an export writes them, then the unmanaged subscribers of
    /// customers a fleet file already declares, as comments to move under each customer's <c>subscribers</c>.
    /// </summary>
    public static string WriteFragment(IReadOnlyList<ExportedCustomer> customers, IReadOnlyList<(string CustomerName, ExportedSubscriber Subscriber)> ofDeclared)
    {
        var yaml = new StringBuilder(Write(customers));
        foreach (var group in ofDeclared.GroupBy(pair => pair.CustomerName, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            yaml.AppendLine($"# Subscribers of {Quote(group.Key)}, which a stack declares: move these lines under its subscribers:");
            foreach (var (_, subscriber) in group.OrderBy(pair => pair.Subscriber.PulumiName, StringComparer.Ordinal))
            {
                yaml.AppendLine($"#{SubscriberLine[1..]}{Quote(subscriber.Inputs.Email ?? "")}, packages: [{string.Join(", ", (subscriber.Inputs.Packages ?? []).Select(Quote))}], " +
                                $"webexId: {Quote(subscriber.Id)}, pulumiName: {Quote(subscriber.PulumiName)}}}");
            }
        }

        return yaml.ToString();
    }

    /// <summary>The customer's subscribers; Webex does not return their names, numbers or extensions (provisioningParameters).</summary>
    private static void WriteSubscribers(StringBuilder yaml, ExportedCustomer customer)
    {
        if (customer.Subscribers.Count == 0)
        {
            return;
        }

        yaml.AppendLine("    subscribers:");
        foreach (var subscriber in customer.Subscribers)
        {
            var defaultName = $"{customer.PulumiName}-{(subscriber.Inputs.Email ?? "").Split('@')[0]}";
            var name = subscriber.PulumiName == defaultName ? "" : $", pulumiName: {Quote(subscriber.PulumiName)}";
            yaml.AppendLine($"{SubscriberLine}{Quote(subscriber.Inputs.Email ?? "")}, packages: [{string.Join(", ", (subscriber.Inputs.Packages ?? []).Select(Quote))}], " +
                            $"webexId: {Quote(subscriber.Id)}{name}}}");
        }
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value, ExportJson.Default.String);
}
