using System.Text.RegularExpressions;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests;

/// <summary>
/// The layers of ARCHITECTURE.md, held by a test rather than by memory: Protocol → Resources → Webex, each reaching
/// only down. Hosting, the composition root, may see them all.
/// </summary>
public partial class ArchitectureTests
{
    private static readonly string Provider = Path.Combine(RepositoryPaths.Root, "provider");

    public static TheoryData<string, string> Forbidden => new()
    {
        { "Webex", "Resources" },
        { "Webex", "Protocol" },
        { "Webex", "Hosting" },
        { "Resources", "Protocol" },
        { "Resources", "Hosting" },
        { "Protocol", "Webex" },
        { "Protocol", "Hosting" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void ALayer_DoesNotReachWhereItMustNot(string layer, string forbidden)
    {
        var offenders = Sources(layer).Where(file => References(file, forbidden)).Select(file => Path.GetRelativePath(Provider, file)).ToList();

        Assert.True(offenders.Count == 0, $"{layer} reaches {forbidden} in {string.Join(", ", offenders)}");
    }

    [Fact]
    public void TheCheckCanFail_AReferenceIsFound()
    {
        var file = Path.Combine(Provider, "Hosting", "PluginHost.cs");

        Assert.True(References(file, "Protocol"));
    }

    [Fact]
    public void TheWebexClient_GivesNoPulumiAdvice()
    {
        var advice = Sources("Webex").Where(file => PulumiCommand().IsMatch(File.ReadAllText(file))).ToList();

        Assert.Empty(advice);
    }

    private static IEnumerable<string> Sources(string layer) =>
        Directory.EnumerateFiles(Path.Combine(Provider, layer), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static bool References(string file, string layer) =>
        File.ReadAllText(file).Contains($"WebexWholesale.Provider.{layer}", StringComparison.Ordinal);

    [GeneratedRegex(@"pulumi (up|config|import|refresh|destroy)|--parallel")]
    private static partial Regex PulumiCommand();
}
