namespace WebexWholesale.Tests.Support;

/// <summary>Where the repository and the shared contracts are, from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>shared/ beside the repository (CI clones it there), or SHARED_DIR.</summary>
    public static string Shared => Environment.GetEnvironmentVariable("SHARED_DIR") is { Length: > 0 } dir ? dir : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The copies vendored in the repository (tests/contracts/), byte for byte those of shared/.</summary>
    public static string Vendored => Path.Combine(Root, "tests", "contracts");

    /// <summary>A contract file: shared/'s copy where CI lays it beside the repository, else the vendored one.</summary>
    public static string Contract(string name) =>
        File.Exists(Path.Combine(Shared, "contracts", name)) ? Path.Combine(Shared, "contracts", name) : Path.Combine(Vendored, name);

    /// <summary>Whether the contracts are at hand: in shared/ (CI) or vendored in tests/contracts/ (every clone).</summary>
    public static bool ContractsPresent => File.Exists(Contract("webex-wholesale.openapi.json"));

    public static string ContractsMissing =>
        $"needs the contracts (neither {Path.Combine(Shared, "contracts")} nor {Vendored} has them; set SHARED_DIR)";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PulumiWholesale.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PulumiWholesale.sln not found above " + AppContext.BaseDirectory);
    }
}
