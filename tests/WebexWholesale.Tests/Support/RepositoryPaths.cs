namespace WebexWholesale.Tests.Support;

/// <summary>Where the repository and the shared contracts are, from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>shared/ beside the repository (CI clones it there), or SHARED_DIR.</summary>
    public static string Shared => Environment.GetEnvironmentVariable("SHARED_DIR") is { Length: > 0 } dir ? dir : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Contract(string name) => Path.Combine(Shared, "contracts", name);

    /// <summary>Whether the shared contracts are beside the repository: CI has them, a clone from a Git host does not.</summary>
    public static bool ContractsPresent => File.Exists(Contract("webex-wholesale.openapi.json"));

    public static string ContractsMissing =>
        $"needs the shared contracts ({Path.Combine(Shared, "contracts")} is absent in this clone; CI has them, or set SHARED_DIR)";

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
