using System.Text.RegularExpressions;
using WebexWholesale.Exporter;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Webex;

/// <summary>Every place that names the scopes a token needs names exactly those of <see cref="WebexScopes"/>: the docs, the examples, the tools.</summary>
public sealed partial class WebexScopesTests
{
    [GeneratedRegex(@"spark-admin:wholesale_[a-z_]+")]
    private static partial Regex Scope();

    private static string[] ScopesIn(string text) => [.. Scope().Matches(text).Select(match => match.Value).Distinct().Order(StringComparer.Ordinal)];

    private static string[] Sorted(IEnumerable<string> scopes) => [.. scopes.Order(StringComparer.Ordinal)];

    private static string Line(string file, string startsWith)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));
        var at = text.IndexOf(startsWith, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} has no '{startsWith}'");
        var end = text.IndexOf("\n\n", at, StringComparison.Ordinal);
        return text[at..(end < 0 ? text.Length : end)];
    }

    [Theory]
    [InlineData("README.md", "1. Create a token with the scopes", "deploy")]
    [InlineData("README.md", "export WEBEX_ACCESS_TOKEN=<token with", "read")]
    [InlineData("examples/gitops/README.md", "Secrets: `PULUMI_ACCESS_TOKEN`", "deploy")]
    [InlineData("examples/gitops/.github/workflows/drift-check.yml", "WEBEX_ACCESS_TOKEN: ${{ secrets.WEBEX_ACCESS_TOKEN }}", "read")]
    [InlineData("README.md", "`WholesaleBillingReport` asks Webex", "report")]
    [InlineData("README.md", "It lists the partner's customers and subscribers in every context", "audit from a report")]
    public void TheDocumentationNamesTheScopesOfTheOneList(string file, string startsWith, string use)
    {
        var named = ScopesIn(Line(file, startsWith));

        Assert.Equal(Sorted(use switch
        {
            "deploy" => WebexScopes.ToDeploy,
            "report" => WebexScopes.ToReport,
            "audit from a report" => WebexScopes.ToAuditFromReport,
            _ => WebexScopes.ToRead,
        }), named);
    }

    [Fact]
    public async Task TheExportersHelpAndMessagesNameTheReadScopes()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        await ExportCommand.RunAsync(["--help"], stdout, stderr, _ => null, TimeProvider.System);
        var noToken = new ExportRequest("https://webexapis.com/v1", null, [], null, null, "a.json", "b.yaml", TimeSpan.Zero).Problem()!;

        Assert.Equal(Sorted(WebexScopes.ToRead), ScopesIn(stdout.ToString()));
        Assert.Equal(Sorted(WebexScopes.ToRead), ScopesIn(noToken));
    }

    [Fact]
    public void TheProvidersTokenDescriptionNamesTheDeployScopes() =>
        Assert.Equal(Sorted(WebexScopes.ToDeploy), ScopesIn(ProviderConfiguration.AccessTokenDescription));
}
