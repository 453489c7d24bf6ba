using System.Text.Json.Nodes;

namespace WebexWholesale.Generator;

/// <summary>What the schema says of the package as a whole; the rest of the schema comes from the typed model.</summary>
public static class PackageMetadata
{
    public const string Name = "webex-wholesale";
    public const string Module = "index";
    public const string Repository = "https://github.com/pulumi-webex-wholesale/pulumi-webex-wholesale";

    /// <summary>Where the engine downloads the plugin's release archives from (the repository's GitHub releases).</summary>
    public const string PluginDownloadUrl = "github://api.github.com/pulumi-webex-wholesale/pulumi-webex-wholesale";

    /// <summary>The package's icon, from the repository root: in the NuGet package, and as the schema's logoUrl.</summary>
    public const string IconPath = "sdk/assets/icon.png";

    /// <summary>
    /// The Pulumi .NET SDKs the generated code compiles against: 3.71.0 added <c>InvokeOutputOptions</c> (and the
    /// <c>Invoke</c> overloads taking it) that the functions use; every other API it calls is older.
    /// </summary>
    public const string PulumiDotnetRange = "[3.71.0,4.0.0)";

    public static JsonObject Header(string version) => new()
    {
        ["name"] = Name,
        ["displayName"] = "Webex Wholesale",
        ["version"] = version,
        ["description"] = "Manage Cisco Webex Wholesale customers as code: provision, update and remove the customers a service provider resells Webex to, and detect drift.",
        ["keywords"] = new JsonArray("pulumi", "webex", "cisco", "wholesale", "category/utility", "kind/native"),
        ["homepage"] = Repository,
        ["repository"] = Repository,
        ["publisher"] = "pulumi-webex-wholesale contributors",
        ["license"] = "Apache-2.0",
        ["logoUrl"] = $"https://raw.githubusercontent.com/pulumi-webex-wholesale/pulumi-webex-wholesale/main/{IconPath}",
        ["pluginDownloadURL"] = PluginDownloadUrl,
    };

    public static JsonObject Languages() => new()
    {
        ["csharp"] = new JsonObject
        {
            ["rootNamespace"] = "Pulumi",
            ["namespaces"] = new JsonObject { [Name] = "WebexWholesale" },
            ["packageReferences"] = new JsonObject { ["Pulumi"] = PulumiDotnetRange },
            ["respectSchemaVersion"] = true,
        },
        ["nodejs"] = new JsonObject { ["packageName"] = "@pulumi-webex-wholesale/webex-wholesale", ["respectSchemaVersion"] = true },
        ["python"] = new JsonObject { ["packageName"] = "pulumi_webex_wholesale", ["respectSchemaVersion"] = true },
        ["go"] = new JsonObject
        {
            ["importBasePath"] = "github.com/pulumi-webex-wholesale/pulumi-webex-wholesale/sdk/go/webexwholesale",
            ["respectSchemaVersion"] = true,
        },
    };

    public static string Token(string name) => $"{Name}:{Module}:{name}";
}
