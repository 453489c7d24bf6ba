using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace WebexWholesale.Tests.Support;

/// <summary>The vendored contracts are the byte copies their README says (so no clone has to skip a contract test).</summary>
public sealed partial class ContractFilesTests
{
    [GeneratedRegex(@"^\| `(?<file>[^`]+)` \| [0-9,]+ \| `(?<sha>[0-9a-f]{64})` \|$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [Fact]
    public void EveryVendoredContract_MatchesTheChecksumItsReadmeStates()
    {
        var rows = Row().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Vendored, "README.md")));

        Assert.Equal(3, rows.Count);
        foreach (Match row in rows)
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Vendored, row.Groups["file"].Value));
            Assert.Equal(row.Groups["sha"].Value, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public void TheContractsAreAtHandInEveryClone() => Assert.True(RepositoryPaths.ContractsPresent, RepositoryPaths.ContractsMissing);
}
