namespace WebexWholesale.Generator;

/// <summary>Every file the generator owns, by path from the repository root, and how they compare with the tree.</summary>
public static class GeneratedFiles
{
    public const string SdkFolder = "sdk/dotnet";
    public const string NodejsFolder = "sdk/nodejs";

    public static IReadOnlyDictionary<string, string> All(string root)
    {
        var schema = SchemaWriter.Build(root);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["schema.json"] = SchemaWriter.Serialize(schema) };
        foreach (var (path, text) in DotnetSdkWriter.Write(schema))
        {
            files[$"{SdkFolder}/{path}"] = text;
        }

        foreach (var (path, text) in NodejsSdkWriter.Write(schema))
        {
            files[$"{NodejsFolder}/{path}"] = text;
        }

        // The npm package carries the project's licence (npm packs a LICENSE at the package root).
        files[$"{NodejsFolder}/LICENSE"] = File.ReadAllText(Path.Combine(root, "LICENSE"));

        return files;
    }

    /// <summary>Generated files whose committed text differs, and committed SDK files the generator no longer writes.</summary>
    public static IReadOnlyList<string> Stale(string root, IReadOnlyDictionary<string, string> files)
    {
        var stale = files.Where(file => !File.Exists(Path.Combine(root, file.Key)) || File.ReadAllText(Path.Combine(root, file.Key)) != file.Value)
            .Select(file => file.Key).ToList();
        stale.AddRange(SdkFilesOnDisk(root).Where(path => !files.ContainsKey(path)));
        return stale;
    }

    public static void Write(string root, IReadOnlyDictionary<string, string> files)
    {
        foreach (var path in SdkFilesOnDisk(root).Where(path => !files.ContainsKey(path)))
        {
            File.Delete(Path.Combine(root, path));
        }

        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    /// <summary>The files of the SDK folders, without build output, installed packages and the files kept as they are.</summary>
    private static IEnumerable<string> SdkFilesOnDisk(string root) =>
        new[] { SdkFolder, NodejsFolder }.Select(folder => Path.Combine(root, folder)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal) &&
                           !path.Contains("/node_modules/", StringComparison.Ordinal) &&
                           !NodejsSdkWriter.Kept.Any(kept => path == $"{NodejsFolder}/{kept}"));
}
