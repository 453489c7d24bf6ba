using WebexWholesale.Exporter.Audit;

namespace WebexWholesale.Tests.Exporter;

/// <summary>Values from Webex and from stack files cannot break the audit's Markdown or reach a terminal as escape sequences.</summary>
public class AuditOutputTests
{
    [Theory]
    [InlineData("acme | <script>alert(1)</script>", "acme \\| &lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("[click](https://evil.example)", "\\[click\\](https://evil.example)")]
    [InlineData("line\nbreak", "line\uFFFDbreak")]
    [InlineData("Zürich-北京", "Zürich-北京")]
    public void AMarkdownCell_HoldsTheValueAsText(string value, string cell) => Assert.Equal(cell, AuditOutput.Md(value));

    [Fact]
    public void ATerminalNeverGetsAControlCharacter() => Assert.Equal("\uFFFD[31mred", AuditOutput.Plain("\u001b[31mred"));

    [Fact]
    public void ACleanReport_SaysSo_InEveryFormat()
    {
        var report = new AuditReport
        {
            Stacks = ["estate/prod"], Contexts = [""], SubscribersFrom = "list", CustomersInWebex = 2, SubscribersInWebex = 3,
            UnmanagedCustomers = [], UnmanagedSubscribers = [], ManagedTwice = [], Gone = [],
        };

        Assert.Contains("Nothing found", AuditOutput.Table(report), StringComparison.Ordinal);
        Assert.Contains("| Gone from Webex | 0 |", AuditOutput.Markdown(report), StringComparison.Ordinal);
        Assert.Contains("\"unmanagedCustomers\": []", AuditOutput.Json(report), StringComparison.Ordinal);
        Assert.DoesNotContain("Next:", AuditOutput.Markdown(report), StringComparison.Ordinal);
    }
}
