using WebexWholesale.Generator;

// webex-wholesale-generator [--check] [repository-root]
var check = args.Contains("--check");
var root = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ?? Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "PulumiWholesale.sln")))
{
    await Console.Error.WriteLineAsync($"{root} is not the repository root (no PulumiWholesale.sln); pass the root as the argument");
    return 2;
}

var files = GeneratedFiles.All(root);
if (check)
{
    var stale = GeneratedFiles.Stale(root, files);
    foreach (var path in stale)
    {
        await Console.Error.WriteLineAsync($"{path} differs from what the typed model generates; run `make schema`");
    }

    return stale.Count == 0 ? 0 : 1;
}

GeneratedFiles.Write(root, files);
Console.WriteLine($"wrote schema.json and {files.Count - 1} files of sdk/dotnet and sdk/nodejs");
return 0;
