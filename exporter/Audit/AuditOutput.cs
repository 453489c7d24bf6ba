using System.Text;
using System.Text.Json;

namespace WebexWholesale.Exporter.Audit;

/// <summary>
/// The audit report as a readable table, JSON, or Markdown for a CI job summary. Values come from Webex and from stack
/// files, so each is made harmless for where it goes: control characters never reach a terminal, and Markdown
/// characters never break a table.
/// </summary>
public static class AuditOutput
{
    public static string Json(AuditReport report) => JsonSerializer.Serialize(report, AuditJson.Default.AuditReport) + "\n";

    public static string Table(AuditReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading(report));
        Section(text, $"UNMANAGED CUSTOMERS ({report.UnmanagedCustomers.Count}): in Webex, in no stack", report.UnmanagedCustomers, customer =>
            [$"  {Plain(customer.ExternalId ?? "(no externalId)")}  {customer.Id}  {Plain(customer.Status ?? "")}  [{Packages(customer.Packages)}]  " +
             $"{Progress.Count(customer.Subscribers.Count, "subscriber")}{(customer.SubPartnerOrgId is { } sub ? $"  sub-partner {sub}" : "")}",
             .. customer.Subscribers.Select(subscriber => $"      {Plain(subscriber.Email ?? subscriber.Id)}  [{Packages(subscriber.Packages)}]")]);
        Section(text, $"UNMANAGED SUBSCRIBERS ({report.UnmanagedSubscribers.Count}): of a customer a stack declares, in no stack", report.UnmanagedSubscribers,
            subscriber => [$"  {Plain(subscriber.ExternalCustomerId ?? subscriber.CustomerId ?? "")}  {Plain(subscriber.Email ?? "")}  {subscriber.Id}  " +
                           $"[{Packages(subscriber.Packages)}]  customer in {Plain(subscriber.CustomerDeclaredIn ?? "")}"]);
        Section(text, $"MANAGED TWICE ({report.ManagedTwice.Count}): declared by more than one stack", report.ManagedTwice,
            entry => [$"  {entry.Kind} {Plain(entry.Label ?? "")}  {entry.Id}  in {Plain(string.Join(", ", entry.DeclaredIn))}"]);
        Section(text, $"GONE ({report.Gone.Count}): in a stack, no longer in Webex", report.Gone,
            entry => [$"  {entry.Kind} {Plain(entry.Label ?? "")}  {entry.Id}  in {Plain(entry.Stack)} ({Plain(entry.Name)})  [{Packages(entry.Packages)}]"]);
        text.AppendLine(report.Clean ? "Nothing found: every customer and subscriber in Webex is declared by exactly one stack." : "");
        return text.ToString();
    }

    public static string Markdown(AuditReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("## What no stack declares").AppendLine();
        md.AppendLine(Md(Heading(report))).AppendLine();
        md.AppendLine("| Found | Count |").AppendLine("|---|---:|");
        md.AppendLine($"| Unmanaged customers (with {report.UnmanagedCustomers.Sum(c => c.Subscribers.Count)} subscribers) | {report.UnmanagedCustomers.Count} |");
        md.AppendLine($"| Unmanaged subscribers of declared customers | {report.UnmanagedSubscribers.Count} |");
        md.AppendLine($"| Managed twice | {report.ManagedTwice.Count} |");
        md.AppendLine($"| Gone from Webex | {report.Gone.Count} |").AppendLine();
        Table(md, "Unmanaged customers", ["externalId", "id", "status", "packages", "subscribers"], report.UnmanagedCustomers,
            c => [c.ExternalId ?? "", c.Id, c.Status ?? "", Packages(c.Packages), c.Subscribers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Table(md, "Unmanaged subscribers", ["customer", "email", "id", "packages", "customer declared in"], report.UnmanagedSubscribers,
            s => [s.ExternalCustomerId ?? s.CustomerId ?? "", s.Email ?? "", s.Id, Packages(s.Packages), s.CustomerDeclaredIn ?? ""]);
        Table(md, "Managed twice", ["kind", "name", "id", "declared in"], report.ManagedTwice, e => [e.Kind, e.Label ?? "", e.Id, string.Join(", ", e.DeclaredIn)]);
        Table(md, "Gone from Webex", ["kind", "name", "id", "stack", "packages"], report.Gone, e => [e.Kind, e.Label ?? "", e.Id, $"{e.Stack} ({e.Name})", Packages(e.Packages)]);
        if (!report.Clean)
        {
            md.AppendLine("Next: adopt the unmanaged ones with the audit's import file and fleet fragment (`--import-file`, `--fleet-file`) in a pull request, " +
                          "remove what is gone with `pulumi refresh`, and keep a resource managed twice in one stack only (`pulumi state delete` in the other).");
        }

        return md.ToString();
    }

    private static string Heading(AuditReport report) =>
        $"Audited {Progress.Count(report.Stacks.Count, "stack")} ({string.Join(", ", report.Stacks.Select(Plain))}) against " +
        $"{Progress.Count(report.CustomersInWebex, "customer")} and {Progress.Count(report.SubscribersInWebex, "subscriber")} in Webex " +
        $"(contexts: {string.Join(", ", report.Contexts.Select(c => c.Length == 0 ? "the partner's own" : $"sub-partner {Plain(c)}"))}; " +
        $"subscribers from {(report.SubscribersFrom == "report" ? "a point-in-time USER billing report" : "the subscriber list")}).";

    private static void Section<T>(StringBuilder text, string title, IReadOnlyList<T> items, Func<T, IEnumerable<string>> lines)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(title);
        foreach (var line in items.SelectMany(lines))
        {
            text.AppendLine(line);
        }
    }

    private static void Table<T>(StringBuilder md, string title, string[] columns, IReadOnlyList<T> items, Func<T, string[]> cells)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.AppendLine($"### {title} ({items.Count})").AppendLine();
        md.AppendLine($"| {string.Join(" | ", columns)} |").AppendLine($"|{string.Concat(columns.Select(_ => "---|"))}");
        foreach (var item in items)
        {
            md.AppendLine($"| {string.Join(" | ", cells(item).Select(Md))} |");
        }

        md.AppendLine();
    }

    private static string Packages(IReadOnlyList<string> packages) => string.Join(", ", packages);

    /// <summary>Control characters (a terminal escape sequence in an externalId, say) shown as U+FFFD.</summary>
    public static string Plain(string value) => string.Concat(value.Select(c => char.IsControl(c) ? '\uFFFD' : c));

    /// <summary>A value in a Markdown table cell: nothing in it opens a tag, a link or a new cell.</summary>
    public static string Md(string value)
    {
        var text = new StringBuilder();
        foreach (var c in Plain(value))
        {
            text.Append(c switch
            {
                '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '!' or '~' => $"\\{c}",
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
