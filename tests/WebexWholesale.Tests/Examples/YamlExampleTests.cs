using System.Text.Json.Nodes;
using WebexWholesale.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace WebexWholesale.Tests.Examples;

/// <summary>
/// Type-checks the Pulumi YAML example against schema.json the way Pulumi YAML would: resource tokens, required
/// inputs, property names and value types, through nested object types.
/// </summary>
public class YamlExampleTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema.json")))!.AsObject();

    private static YamlMappingNode Load(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, relativePath));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Resources(YamlMappingNode program) => (YamlMappingNode)program.Children[new YamlScalarNode("resources")];

    [Fact]
    public void TheFleet_HasAtLeastThreeCustomers_OneWithCalling()
    {
        var customers = Resources(Load("examples/yaml/Pulumi.yaml")).Children.Values.Cast<YamlMappingNode>()
            .Where(resource => ((YamlScalarNode)resource["type"]).Value!.EndsWith("WholesaleCustomer", StringComparison.Ordinal)).ToList();

        Assert.True(customers.Count >= 3);
        Assert.Contains(customers, c => c["properties"] is YamlMappingNode p && p.Children.ContainsKey(new YamlScalarNode("provisioningParameters")));
    }

    [Fact]
    public void EveryResource_TypeChecksAgainstTheSchema()
    {
        var problems = new List<string>();
        foreach (var (name, node) in Resources(Load("examples/yaml/Pulumi.yaml")).Children)
        {
            problems.AddRange(Check(((YamlScalarNode)name).Value!, (YamlMappingNode)node));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Functions_UsedByTheExample_Exist()
    {
        var program = Load("examples/yaml/Pulumi.yaml");
        var tokens = program.AllNodes.OfType<YamlMappingNode>()
            .Where(n => n.Children.ContainsKey(new YamlScalarNode("fn::invoke")))
            .Select(n => ((YamlScalarNode)((YamlMappingNode)n["fn::invoke"])["function"]).Value!);

        Assert.All(tokens, token => Assert.NotNull(Schema["functions"]![token]));
    }

    [Fact]
    public void TheCheckCanFail_AMisspelledPropertyAndAMissingRequiredInputAreReported()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("""
            type: webex-wholesale:index:WholesaleCustomer
            properties:
              provisioningId: p
              externalId: x
              adress: {city: X}
              packages: webex_meetings
            """));

        var problems = Check("broken", (YamlMappingNode)stream.Documents[0].RootNode);

        Assert.Contains(problems, p => p.Contains("'adress'"));
        Assert.Contains(problems, p => p.Contains("required input 'address'"));
        Assert.Contains(problems, p => p.Contains("packages") && p.Contains("array"));
    }

    private static IEnumerable<string> Check(string name, YamlMappingNode resource)
    {
        var token = ((YamlScalarNode)resource["type"]).Value!;
        var fullToken = token.Count(c => c == ':') == 1 ? token.Replace(":", ":index:") : token;
        if (Schema["resources"]![fullToken] is not JsonObject spec)
        {
            yield return $"{name}: type {token} is not in schema.json";
            yield break;
        }

        var properties = resource.Children.TryGetValue(new YamlScalarNode("properties"), out var node) ? (YamlMappingNode)node : new YamlMappingNode();
        foreach (var required in spec["requiredInputs"]!.AsArray().Select(r => (string)r!))
        {
            if (!properties.Children.ContainsKey(new YamlScalarNode(required)))
            {
                yield return $"{name}: required input '{required}' is missing";
            }
        }

        foreach (var problem in CheckObject($"{name}", properties, spec["inputProperties"]!.AsObject()))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> CheckObject(string path, YamlMappingNode value, JsonObject properties)
    {
        foreach (var (key, child) in value.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (properties[name] is not JsonObject spec)
            {
                yield return $"{path}: property '{name}' is not in the schema";
                continue;
            }

            foreach (var problem in CheckValue($"{path}.{name}", child, spec))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> CheckValue(string path, YamlNode value, JsonNode spec)
    {
        if (value is YamlScalarNode { Value: { } text } && text.StartsWith("${", StringComparison.Ordinal))
        {
            yield break; // an interpolation: its type is checked by Pulumi YAML at run time
        }

        if (spec["$ref"] is JsonValue reference)
        {
            var type = Schema["types"]![((string)reference!)["#/types/".Length..]]!;
            if (value is not YamlMappingNode mapping)
            {
                yield return $"{path}: expected an object";
                yield break;
            }

            foreach (var required in type["required"]?.AsArray().Select(r => (string)r!) ?? [])
            {
                if (!mapping.Children.ContainsKey(new YamlScalarNode(required)))
                {
                    yield return $"{path}: required property '{required}' is missing";
                }
            }

            foreach (var problem in CheckObject(path, mapping, type["properties"]!.AsObject()))
            {
                yield return problem;
            }

            yield break;
        }

        switch ((string)spec["type"]!, value)
        {
            case ("array", YamlSequenceNode sequence):
                foreach (var (item, index) in sequence.Children.Select((item, index) => (item, index)))
                {
                    foreach (var problem in CheckValue($"{path}[{index}]", item, spec["items"]!))
                    {
                        yield return problem;
                    }
                }

                break;
            case ("object", YamlMappingNode map):
                foreach (var (key, item) in map.Children)
                {
                    foreach (var problem in CheckValue($"{path}.{key}", item, spec["additionalProperties"]!))
                    {
                        yield return problem;
                    }
                }

                break;
            case ("string", YamlScalarNode):
                break;
            case ("number" or "integer", YamlScalarNode { Value: var number }) when double.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out _):
                break;
            case ("boolean", YamlScalarNode { Value: "true" or "false" }):
                break;
            case var (expected, _):
                yield return $"{path}: expected {(expected is "array" or "object" ? "an " : "a ")}{expected}";
                break;
        }
    }
}
