using System.Text.Json.Nodes;
using WebexWholesale.Generator;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Generator;

/// <summary>schema.json and sdk/dotnet are generated from the typed model; the committed files must be what it writes.</summary>
public class GeneratedFilesTests
{
    private static readonly IReadOnlyDictionary<string, string> Generated = GeneratedFiles.All(RepositoryPaths.Root);

    [Fact]
    public void CommittedSchemaAndSdk_AreWhatTheGeneratorWrites() =>
        Assert.True(GeneratedFiles.Stale(RepositoryPaths.Root, Generated) is { Count: 0 },
            $"stale: {string.Join(", ", GeneratedFiles.Stale(RepositoryPaths.Root, Generated))}; run `make schema` and commit the result");

    [Fact]
    public void TheCheckCanFail_AnyDifferenceIsReported()
    {
        var changed = Generated.ToDictionary(file => file.Key, file => file.Key == "schema.json" ? file.Value.Replace("Milpitas", "Springfield") : file.Value);

        Assert.Equal(["schema.json"], GeneratedFiles.Stale(RepositoryPaths.Root, changed));
    }

    [Fact]
    public void TheSchema_FollowsTheModelsDeclarations()
    {
        var schema = JsonNode.Parse(Generated["schema.json"])!;
        var customer = schema["resources"]!["webex-wholesale:index:WholesaleCustomer"]!;

        Assert.True((bool)customer["inputProperties"]!["customerInfo"]!["willReplaceOnChanges"]!);
        Assert.Null(customer["properties"]!["customerInfo"]!["willReplaceOnChanges"]); // outputs never replace
        Assert.True((bool)schema["config"]!["variables"]!["accessToken"]!["secret"]!);
        Assert.Equal(8, (int)schema["config"]!["variables"]!["maxConcurrentRequests"]!["default"]!);
        Assert.Equal("WEBEX_BASE_URL", (string)schema["config"]!["variables"]!["baseUrl"]!["defaultInfo"]!["environment"]![0]!);
        Assert.Contains("`acme-0001`", (string)customer["inputProperties"]!["externalId"]!["description"]!); // <c> becomes code
        Assert.StartsWith("A customer of a Webex Wholesale partner", (string)customer["description"]!); // the resource's page
    }

    [Fact]
    public void TheSdk_SetsTheDefaultsPulumisCodegenSets()
    {
        var provider = Generated["sdk/dotnet/Provider.cs"];

        Assert.Contains("if (Utilities.GetEnv(\"WEBEX_ACCESS_TOKEN\") is { } accessToken)", provider);
        Assert.Contains("MaxConcurrentRequests = 8;", provider);
        Assert.Contains("__config.GetBoolean(\"precheck\") ?? true", Generated["sdk/dotnet/Config/Config.cs"]);
        Assert.DoesNotContain("pulumi-language-dotnet", provider); // an honest header
    }

    [Fact]
    public void TheSdkProject_ReferencesNoMissingFile()
    {
        var project = System.Xml.Linq.XDocument.Parse(Generated["sdk/dotnet/Pulumi.WebexWholesale.csproj"]);
        var referenced = project.Descendants().Where(e => e.Name.LocalName is "None" or "EmbeddedResource" or "Compile")
            .Select(e => (string?)e.Attribute("Include")).OfType<string>()
            .Concat(project.Descendants().Where(e => e.Name.LocalName is "PackageReadmeFile").Select(e => e.Value)).ToList();
        var icon = project.Descendants().Single(e => e.Name.LocalName == "PackageIcon").Value;

        Assert.Contains(referenced, file => Path.GetFileName(file) == icon); // packed at the package's root, where PackageIcon looks

        Assert.All(referenced, file => Assert.True(Generated.ContainsKey($"sdk/dotnet/{file}") ||
            (file.StartsWith("../", StringComparison.Ordinal) && File.Exists(Path.Combine(RepositoryPaths.Root, "sdk/dotnet", file))),
            $"{file} is referenced but neither generated nor in the repository"));
    }

    [Fact]
    public void EveryRegistrationAndInvoke_CarriesTheSchemasPluginDownloadUrl()
    {
        var url = (string)JsonNode.Parse(Generated["schema.json"])!["pluginDownloadURL"]!;
        var utilities = Generated["sdk/dotnet/Utilities.cs"];
        var optionFactories = Generated.Where(file => file.Key.EndsWith(".cs", StringComparison.Ordinal) && file.Value.Contains("MakeResourceOptions(")).ToList();

        Assert.Contains($"public const string? PluginDownloadURL = \"{url}\";", utilities);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(utilities, @"dst\.PluginDownloadURL = src\?\.PluginDownloadURL \?\? PluginDownloadURL;"));
        Assert.Equal(["sdk/dotnet/Provider.cs", .. SchemaNames("resources").Select(name => $"sdk/dotnet/{name}.cs")],
            optionFactories.Select(file => file.Key).Order(StringComparer.Ordinal));
        Assert.All(optionFactories, file => Assert.Contains("PluginDownloadURL = Utilities.PluginDownloadURL,", file.Value));
        Assert.All(Generated.Where(file => file.Value.Contains("Deployment.Instance.Invoke")), file =>
            Assert.DoesNotMatch(@"Invoke(Async)?<[^>]+>\([^;]*options\)", file.Value)); // every invoke passes options.WithDefaults()
    }

    [Fact]
    public void TheNodejsSdk_StartsEveryRegistrationAndInvokeFromTheVersionAndDownloadUrl_AndKeepsTheTokenSecret()
    {
        var url = (string)JsonNode.Parse(Generated["schema.json"])!["pluginDownloadURL"]!;
        var sources = Generated.Where(file => file.Key.StartsWith("sdk/nodejs/", StringComparison.Ordinal) && file.Key.EndsWith(".ts", StringComparison.Ordinal)).ToList();
        var callers = sources.Where(file => file.Value.Contains("super(", StringComparison.Ordinal) || file.Value.Contains("pulumi.runtime.invoke", StringComparison.Ordinal)).ToList();
        var package = JsonNode.Parse(Generated["sdk/nodejs/package.json"])!;

        Assert.Contains($"export const pluginDownloadURL: string | undefined = \"{url}\";", Generated["sdk/nodejs/utilities.ts"]);
        string[] expected = [.. SchemaNames("functions").Concat(SchemaNames("resources")).Select(name => char.ToLowerInvariant(name[0]) + name[1..]).Append("provider")
            .Select(name => $"sdk/nodejs/{name}.ts")];
        Assert.Equal(expected.Order(StringComparer.Ordinal), callers.Select(file => file.Key).Order(StringComparer.Ordinal));
        Assert.All(callers, file => Assert.Contains("opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts", file.Value));
        Assert.Contains("resourceInputs[\"accessToken\"] = accessToken === undefined ? undefined : pulumi.secret(accessToken);", Generated["sdk/nodejs/provider.ts"]);
        Assert.Equal(url, (string)package["pulumi"]!["server"]!);
        Assert.Equal("^3.141.0", (string)package["dependencies"]!["@pulumi/pulumi"]!);
        Assert.Equal(sources.Select(file => file.Key["sdk/nodejs/".Length..]).Order(), package is null ? [] :
            JsonNode.Parse(Generated["sdk/nodejs/tsconfig.json"])!["files"]!.AsArray().Select(file => (string)file!).Order());
    }

    /// <summary>The names of the schema's resources or functions (the last part of each token), in ordinal order.</summary>
    private static IEnumerable<string> SchemaNames(string section) =>
        JsonNode.Parse(Generated["schema.json"])![section]!.AsObject().Select(entry => entry.Key.Split(':')[^1]).Order(StringComparer.Ordinal);

    [Fact]
    public void TheSdkPackage_StatesItsPulumiRangeIconAndTags()
    {
        var project = System.Xml.Linq.XDocument.Parse(Generated["sdk/dotnet/Pulumi.WebexWholesale.csproj"]);
        string Property(string name) => project.Descendants().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("[3.71.0,4.0.0)", (string?)project.Descendants().Single(e => (string?)e.Attribute("Include") == "Pulumi").Attribute("Version"));
        Assert.Equal("icon.png", Property("PackageIcon"));
        // dotnet pack fails when a file it packs is missing from the repository, the icon among them
        var packed = project.Descendants().Where(e => e.Name.LocalName == "None" && (string?)e.Attribute("Pack") == "True")
            .Select(e => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "sdk", "dotnet", (string)e.Attribute("Include")!))).ToList();
        Assert.Contains(packed, file => Path.GetFileName(file) == Property("PackageIcon"));
        Assert.All(packed, file => Assert.True(File.Exists(file), $"{file} is packed by the SDK project but missing"));
        Assert.Equal("pulumi;webex;cisco;wholesale;category/utility;kind/native", Property("PackageTags"));
        Assert.Equal("git", Property("RepositoryType"));
    }
}
