using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Sdk;

/// <summary>
/// Reads the C# SDK (sdk/dotnet) as Roslyn syntax trees and fails when a token, property, type or required flag of
/// schema.json is missing or mistyped in it. The SDK needs the Pulumi NuGet package to compile, which this build
/// cannot restore; parsing it needs nothing.
/// </summary>
public class DotnetSdkMatchesSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema.json")))!.AsObject();
    private static readonly Lazy<IReadOnlyList<ClassDeclarationSyntax>> Classes = new(() => ParseSdk(Path.Combine(RepositoryPaths.Root, "sdk", "dotnet")));

    [Fact]
    public void TheSdkParsesWithoutErrors()
    {
        var trees = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "sdk", "dotnet"), "*.cs", SearchOption.AllDirectories)
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file));

        Assert.Empty(trees.SelectMany(tree => tree.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public void TheSdkTypeChecks_AgainstPulumisPublicApi() => AssertCompiles(OutputKind.DynamicallyLinkedLibrary, SdkSources());

    [Fact]
    public void TheSdk_HasNoNullableWarnings()
    {
        var warnings = Compile(OutputKind.DynamicallyLinkedLibrary, SdkSources()).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("CS86", StringComparison.Ordinal))
            .Where(d => !d.Location.SourceTree!.FilePath.EndsWith("PulumiApiSurface.cs.txt", StringComparison.Ordinal))
            .Select(d => d.ToString()).ToList();

        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    /// <summary>The C# programs, each with the files it compiles: the fleet example, and the estate's shard program that shares its fleet code.</summary>
    public static TheoryData<string, string[]> CSharpPrograms => new()
    {
        { "examples/csharp", ["Program.cs", "FleetFile.cs", "FleetResources.cs"] },
        { "examples/estate/csharp", ["Program.cs", "../../csharp/FleetFile.cs", "../../csharp/FleetResources.cs"] },
    };

    [Theory]
    [MemberData(nameof(CSharpPrograms))]
    public void TheCSharpExamples_TypeCheckAgainstTheSdk(string folder, string[] files)
    {
        var example = Path.Combine(RepositoryPaths.Root, folder);
        var sources = SdkSources().Concat(files.Select(file => Parse(Path.GetFullPath(Path.Combine(example, file)))))
            .Append(CSharpSyntaxTree.ParseText("""
                global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq;
                global using System.Threading.Tasks;
                """));

        AssertCompiles(OutputKind.ConsoleApplication, sources, typeof(YamlDotNet.Serialization.Deserializer).Assembly.Location);
    }

    private static IEnumerable<SyntaxTree> SdkSources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "sdk", "dotnet"), "*.cs", SearchOption.AllDirectories).Select(Parse)
            .Append(Parse(Path.Combine(AppContext.BaseDirectory, "Sdk", "PulumiApiSurface.cs.txt")));

    private static SyntaxTree Parse(string file) => CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Latest), path: file);

    /// <summary>Compiles against the runtime's own assemblies plus <paramref name="extra"/>; fails with every error.</summary>
    private static void AssertCompiles(OutputKind kind, IEnumerable<SyntaxTree> sources, params string[] extra)
    {
        var errors = Compile(kind, sources, extra).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static CSharpCompilation Compile(OutputKind kind, IEnumerable<SyntaxTree> sources, params string[] extra)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Concat(extra)
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create("Pulumi.WebexWholesale.Check", sources, references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    [Fact]
    public void Resources_HaveTheirTokenOutputsAndArgs()
    {
        foreach (var (token, node) in Schema["resources"]!.AsObject())
        {
            var name = token.Split(':')[^1];
            var resource = Class(name, "Pulumi.WebexWholesale");
            Assert.Equal(token, ResourceTypeAttribute(resource));
            Assert.Contains($"\"{token}\"", resource.ToString());
            AssertOutputs(resource, node!["properties"]!.AsObject(), Required(node["required"]));
            AssertInputs(Class($"{name}Args", "Pulumi.WebexWholesale"), node["inputProperties"]!.AsObject(), Required(node["requiredInputs"]), plain: false);
        }
    }

    [Fact]
    public void ObjectTypes_HaveArgsAndOutputClasses()
    {
        foreach (var (token, node) in Schema["types"]!.AsObject())
        {
            var name = token.Split(':')[^1];
            var properties = node!["properties"]!.AsObject();
            var required = Required(node["required"]);
            if (UsedAsInput(token))
            {
                AssertInputs(Class($"{name}Args", "Pulumi.WebexWholesale.Inputs"), properties, required, plain: false);
            }

            AssertOutputFields(Class(name, "Pulumi.WebexWholesale.Outputs"), properties, required);
        }
    }

    [Fact]
    public void Functions_InvokeTheirTokenWithTheirArgsAndResult()
    {
        foreach (var (token, node) in Schema["functions"]!.AsObject())
        {
            var name = char.ToUpperInvariant(token.Split(':')[^1][0]) + token.Split(':')[^1][1..];
            var function = Class(name, "Pulumi.WebexWholesale");
            Assert.Contains($"InvokeAsync<{name}Result>(\"{token}\"", function.ToString());
            Assert.Contains($"Invoke<{name}Result>(\"{token}\"", function.ToString());
            var inputs = node!["inputs"]!["properties"]!.AsObject();
            var required = Required(node["inputs"]!["required"]);
            AssertInputs(Class($"{name}Args", "Pulumi.WebexWholesale"), inputs, required, plain: true);
            AssertInputs(Class($"{name}InvokeArgs", "Pulumi.WebexWholesale"), inputs, required, plain: false);
            AssertOutputFields(Class($"{name}Result", "Pulumi.WebexWholesale"), node["outputs"]!["properties"]!.AsObject(), Required(node["outputs"]!["required"]));
        }
    }

    [Fact]
    public void ProviderAndConfig_CoverEveryConfigurationKey()
    {
        var provider = Class("Provider", "Pulumi.WebexWholesale");
        Assert.Equal("pulumi:providers:webex-wholesale", ResourceTypeAttribute(provider));
        AssertInputs(Class("ProviderArgs", "Pulumi.WebexWholesale"), Schema["provider"]!["inputProperties"]!.AsObject(), new HashSet<string>(), plain: false);

        var config = Class("Config", "Pulumi.WebexWholesale");
        foreach (var (key, spec) in Schema["config"]!["variables"]!.AsObject())
        {
            var property = config.Members.OfType<PropertyDeclarationSyntax>().SingleOrDefault(p => p.Identifier.Text == Pascal(key));
            Assert.True(property is not null, $"Config has no property {Pascal(key)}");
            Assert.Equal(Scalar((string)spec!["type"]!) + "?", property!.Type.ToString());
            Assert.Contains($"\"{key}\"", config.ToString());
        }

        var args = Class("ProviderArgs", "Pulumi.WebexWholesale").ToString();
        foreach (var (key, spec) in Schema["provider"]!["inputProperties"]!.AsObject())
        {
            // As Pulumi's generator writes them: a secret input is wrapped as a secret; non-string configuration travels as JSON text.
            Assert.Contains((string?)spec!["type"] == "string" ? $"[Input(\"{key}\")]" : $"[Input(\"{key}\", json: true)]", args);
            if (spec["secret"] is not null)
            {
                Assert.Contains("Output.CreateSecret(0)", args);
            }
        }
    }

    [Fact]
    public void TheProvidersOutputs_AreThoseTheSchemaDeclares()
    {
        var declared = Schema["provider"]!["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
        var provider = Class("Provider", "Pulumi.WebexWholesale");

        var outputs = provider.Members.OfType<PropertyDeclarationSyntax>().Where(p => p.Type.ToString().StartsWith("Output<", StringComparison.Ordinal))
            .Select(p => p.Identifier.Text).ToHashSet();

        Assert.Equal(declared.Select(Pascal).ToHashSet(), outputs);
        Assert.Equal(declared.Count > 0, provider.ToString().Contains("AdditionalSecretOutputs", StringComparison.Ordinal));
    }

    [Fact]
    public void ProvisioningId_IsNotARequiredInput_AnAdoptedCustomerHasNone()
    {
        var customer = Schema["resources"]!["webex-wholesale:index:WholesaleCustomer"]!;

        Assert.DoesNotContain("provisioningId", customer["requiredInputs"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("[Input(\"provisioningId\")]", Class("WholesaleCustomerArgs", "Pulumi.WebexWholesale").ToString());
    }

    [Fact]
    public void TheCheckCanFail_AMistypedPropertyIsReported()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            namespace Pulumi.WebexWholesale.Inputs
            {
                public sealed class AddressArgs : global::Pulumi.ResourceArgs
                {
                    [Input("addressLine1")] public Input<int>? AddressLine1 { get; set; }
                }
            }
            """);
        var broken = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single();

        Assert.ThrowsAny<Exception>(() => AssertInputs(broken, Schema["types"]!["webex-wholesale:index:Address"]!["properties"]!.AsObject(), new HashSet<string> { "addressLine1" }, plain: false));
    }

    private static void AssertInputs(ClassDeclarationSyntax args, JsonObject properties, HashSet<string> required, bool plain)
    {
        var inputs = new Dictionary<string, (bool Required, string Type)>();
        foreach (var member in args.Members)
        {
            var attribute = Attributes(member).FirstOrDefault(a => a.Name.ToString() == "Input");
            if (attribute is null)
            {
                continue;
            }

            var name = Literal(attribute.ArgumentList!.Arguments[0]);
            var isRequired = attribute.ArgumentList.Arguments.Skip(1).Any(a => a.NameColon?.Name.Identifier.Text == "required" && a.Expression.ToString() == "true");
            // Collections and secrets put the attribute on a backing field and expose a property of the same name.
            var property = args.Members.OfType<PropertyDeclarationSyntax>().Single(p => p.Identifier.Text == Pascal(name));
            inputs[name] = (isRequired, property.Type.ToString());
        }

        Assert.Equal(properties.Select(p => p.Key).Order(), inputs.Keys.Order());
        foreach (var (name, spec) in properties)
        {
            var expected = InputType(spec!, plain);
            var isCollection = expected.StartsWith("InputList<", StringComparison.Ordinal) || expected.StartsWith("InputMap<", StringComparison.Ordinal) ||
                               expected.StartsWith("List<", StringComparison.Ordinal) || expected.StartsWith("Dictionary<", StringComparison.Ordinal);
            var typed = required.Contains(name) || isCollection ? expected : expected + "?";
            Assert.True(inputs[name] == (required.Contains(name), typed), $"{args.Identifier}.{name}: SDK has {inputs[name]}, schema wants ({required.Contains(name)}, {typed})");
        }
    }

    private static void AssertOutputs(ClassDeclarationSyntax resource, JsonObject properties, HashSet<string> required)
    {
        var outputs = resource.Members.OfType<PropertyDeclarationSyntax>()
            .Select(p => (Property: p, Attribute: Attributes(p).FirstOrDefault(a => a.Name.ToString() == "Output")))
            .Where(p => p.Attribute is not null)
            .ToDictionary(p => Literal(p.Attribute!.ArgumentList!.Arguments[0]), p => p.Property.Type.ToString());

        Assert.Equal(properties.Select(p => p.Key).Order(), outputs.Keys.Order());
        foreach (var (name, spec) in properties)
        {
            Assert.Equal($"Output<{Nullable(OutputType(spec!), required.Contains(name))}>", outputs[name]);
        }
    }

    private static void AssertOutputFields(ClassDeclarationSyntax type, JsonObject properties, HashSet<string> required)
    {
        Assert.Contains(Attributes(type), a => a.Name.ToString() == "OutputType");
        var fields = type.Members.OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(m => m.Text == "readonly"))
            .ToDictionary(f => f.Declaration.Variables.Single().Identifier.Text, f => f.Declaration.Type.ToString());
        var constructor = type.Members.OfType<ConstructorDeclarationSyntax>().Single(c => Attributes(c).Any(a => a.Name.ToString() == "OutputConstructor"));
        var parameters = constructor.ParameterList.Parameters.ToDictionary(p => p.Identifier.Text, p => p.Type!.ToString());

        Assert.Equal(properties.Select(p => Pascal(p.Key)).Order(), fields.Keys.Order());
        foreach (var (name, spec) in properties)
        {
            var expected = Nullable(OutputType(spec!), required.Contains(name));
            Assert.Equal(expected, fields[Pascal(name)]);
            Assert.Equal(expected, parameters[name]);
        }
    }

    private static string InputType(JsonNode spec, bool plain)
    {
        if (spec["$ref"] is JsonValue reference)
        {
            var inner = $"Inputs.{((string)reference!).Split(':')[^1]}Args";
            return plain ? inner : $"Input<{inner}>";
        }

        return (string)spec["type"]! switch
        {
            "array" => plain ? $"List<{Element(spec["items"]!)}>" : $"InputList<{Element(spec["items"]!)}>",
            "object" => plain ? $"Dictionary<string, {Element(spec["additionalProperties"]!)}>" : $"InputMap<{Element(spec["additionalProperties"]!)}>",
            var scalar => plain ? Scalar(scalar) : $"Input<{Scalar(scalar)}>",
        };
    }

    private static string Element(JsonNode spec) =>
        spec["$ref"] is JsonValue reference ? $"Inputs.{((string)reference!).Split(':')[^1]}Args" : Scalar((string)spec["type"]!);

    private static string OutputType(JsonNode spec)
    {
        if (spec["$ref"] is JsonValue reference)
        {
            return $"Outputs.{((string)reference!).Split(':')[^1]}";
        }

        return (string)spec["type"]! switch
        {
            "array" => $"ImmutableArray<{OutputType(spec["items"]!)}>",
            "object" => $"ImmutableDictionary<string, {OutputType(spec["additionalProperties"]!)}>",
            var scalar => Scalar(scalar),
        };
    }

    private static string Nullable(string type, bool required) =>
        required || type.StartsWith("Immutable", StringComparison.Ordinal) ? type : type + "?";

    private static string Scalar(string type) => type switch
    {
        "string" => "string",
        "integer" => "int",
        "number" => "double",
        "boolean" => "bool",
        _ => throw new InvalidOperationException($"unexpected schema type {type}"),
    };

    private static bool UsedAsInput(string token)
    {
        var reachable = new HashSet<string>();
        var pending = new Stack<JsonNode>(Schema["resources"]!.AsObject().Select(r => r.Value!["inputProperties"]!));
        while (pending.TryPop(out var node))
        {
            foreach (var reference in node.ToJsonString().Split("\"$ref\":\"#/types/").Skip(1).Select(part => part[..part.IndexOf('"')]))
            {
                if (reachable.Add(reference))
                {
                    pending.Push(Schema["types"]![reference]!);
                }
            }
        }

        return reachable.Contains(token);
    }

    private static HashSet<string> Required(JsonNode? node) => node?.AsArray().Select(n => (string)n!).ToHashSet() ?? [];

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string Literal(AttributeArgumentSyntax argument) => ((LiteralExpressionSyntax)argument.Expression).Token.ValueText;

    private static IEnumerable<AttributeSyntax> Attributes(MemberDeclarationSyntax member) => member.AttributeLists.SelectMany(list => list.Attributes);

    private static string? ResourceTypeAttribute(ClassDeclarationSyntax type) =>
        Attributes(type).Where(a => a.Name.ToString() == "WebexWholesaleResourceType").Select(a => Literal(a.ArgumentList!.Arguments[0])).SingleOrDefault();

    private static ClassDeclarationSyntax Class(string name, string ns) =>
        Classes.Value.SingleOrDefault(c => c.Identifier.Text == name && (c.Parent as BaseNamespaceDeclarationSyntax)?.Name.ToString() == ns)
        ?? throw new Xunit.Sdk.XunitException($"sdk/dotnet has no class {ns}.{name}");

    private static IReadOnlyList<ClassDeclarationSyntax> ParseSdk(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file).GetRoot())
            .SelectMany(root => root.DescendantNodes().OfType<ClassDeclarationSyntax>())];
}
