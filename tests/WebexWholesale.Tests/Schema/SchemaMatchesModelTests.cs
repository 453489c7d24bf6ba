using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Resources.Functions;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Schema;

/// <summary>
/// schema.json is written by hand for its documentation; the provider's typed records are what the plugin reads and
/// writes. These tests fail as soon as the two disagree on a property, a type or a nested object.
/// </summary>
public class SchemaMatchesModelTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema.json")))!.AsObject();
    private const string Customer = "webex-wholesale:index:WholesaleCustomer";

    [Fact]
    public void ResourceInputs_MatchTheInputsRecord() =>
        AssertMatches(WholesaleCustomerJson.Default.WholesaleCustomerInputs, Schema["resources"]![Customer]!["inputProperties"]!.AsObject(), "inputProperties");

    [Fact]
    public void ResourceOutputs_AreTheInputsPlusTheOutputsRecord()
    {
        var inputs = WholesaleCustomerJson.Default.WholesaleCustomerInputs.Properties.Select(p => p.Name).ToList();
        var outputs = WholesaleCustomerJson.Default.WholesaleCustomerOutputs.Properties.Select(p => p.Name).ToList();
        var properties = Schema["resources"]![Customer]!["properties"]!.AsObject();

        Assert.Empty(inputs.Intersect(outputs)); // the state is one flat object: a shared name would be lost
        Assert.Equal(inputs.Concat(outputs).Order(), properties.Select(p => p.Key).Order());
        foreach (var output in WholesaleCustomerJson.Default.WholesaleCustomerOutputs.Properties)
        {
            AssertTypeMatches(output.Options.GetTypeInfo(output.PropertyType), properties[output.Name]!, $"properties.{output.Name}");
        }
    }

    [Fact]
    public void ProviderConfig_MatchesTheConfigRecord()
    {
        AssertMatches(ProviderConfigJson.Default.ProviderConfigInputs, Schema["config"]!["variables"]!.AsObject(), "config");
        AssertMatches(ProviderConfigJson.Default.ProviderConfigInputs, Schema["provider"]!["inputProperties"]!.AsObject(), "provider");
        Assert.True((bool)Schema["config"]!["variables"]!["accessToken"]!["secret"]!);
    }

    [Fact]
    public void Functions_MatchTheirArgsAndResults()
    {
        var functions = Schema["functions"]!;
        AssertMatches(CustomerLookupJson.Default.GetWholesaleCustomerArgs, functions["webex-wholesale:index:getWholesaleCustomer"]!["inputs"]!["properties"]!.AsObject(), "getWholesaleCustomer.inputs");
        AssertMatches(CustomerLookupJson.Default.CustomerDetails, functions["webex-wholesale:index:getWholesaleCustomer"]!["outputs"]!["properties"]!.AsObject(), "getWholesaleCustomer.outputs");
        AssertMatches(CustomerLookupJson.Default.GetWholesaleCustomersArgs, functions["webex-wholesale:index:getWholesaleCustomers"]!["inputs"]!["properties"]!.AsObject(), "getWholesaleCustomers.inputs");
        AssertMatches(CustomerLookupJson.Default.GetWholesaleCustomersResult, functions["webex-wholesale:index:getWholesaleCustomers"]!["outputs"]!["properties"]!.AsObject(), "getWholesaleCustomers.outputs");
    }

    [Fact]
    public void ReplacingInputs_AreMarkedWillReplaceOnChanges()
    {
        var marked = Schema["resources"]![Customer]!["inputProperties"]!.AsObject()
            .Where(p => p.Value!["willReplaceOnChanges"] is JsonValue flag && (bool)flag).Select(p => p.Key).Order();

        Assert.Equal(WholesaleCustomerDiff.CreateOnly.Order(), marked);
    }

    [Fact]
    public void EveryPropertyTypeResourceAndFunction_IsDocumented()
    {
        var undocumented = PropertySpecs(Schema, "$")
            .Concat(Schema["types"]!.AsObject().Select(t => ($"types.{t.Key}", t.Value!)))
            .Concat(Schema["resources"]!.AsObject().Select(r => ($"resources.{r.Key}", r.Value!)))
            .Concat(Schema["functions"]!.AsObject().Select(f => ($"functions.{f.Key}", f.Value!)))
            .Where(spec => string.IsNullOrWhiteSpace((string?)spec.Item2["description"]))
            .Select(spec => spec.Item1)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void EveryPropertyOfTheResourceAndTheConfiguration_HasAnExample()
    {
        var resource = Schema["resources"]![Customer]!;
        var specs = resource["inputProperties"]!.AsObject().Concat(resource["properties"]!.AsObject()).Concat(Schema["config"]!["variables"]!.AsObject());

        Assert.Empty(specs.Where(spec => !((string?)spec.Value!["description"] ?? "").Contains("Example", StringComparison.Ordinal)).Select(spec => spec.Key));
    }

    [Fact]
    public void TheCheckCanFail_AMissingPropertyIsReported()
    {
        var trimmed = Schema["resources"]![Customer]!["inputProperties"]!.DeepClone().AsObject();
        trimmed.Remove("externalId");

        Assert.ThrowsAny<Exception>(() => AssertMatches(WholesaleCustomerJson.Default.WholesaleCustomerInputs, trimmed, "inputProperties"));
    }

    private static void AssertMatches(JsonTypeInfo type, JsonObject properties, string where)
    {
        var modelNames = type.Properties.Select(p => p.Name).Order().ToList();
        Assert.True(modelNames.SequenceEqual(properties.Select(p => p.Key).Order()),
            $"{where}: model has [{string.Join(", ", modelNames)}], schema has [{string.Join(", ", properties.Select(p => p.Key).Order())}]");
        foreach (var property in type.Properties)
        {
            AssertTypeMatches(type.Options.GetTypeInfo(property.PropertyType), properties[property.Name]!, $"{where}.{property.Name}");
        }
    }

    private static void AssertTypeMatches(JsonTypeInfo type, JsonNode spec, string where)
    {
        if (spec["$ref"] is JsonValue reference)
        {
            Assert.Equal(JsonTypeInfoKind.Object, type.Kind);
            var token = ((string)reference!)["#/types/".Length..];
            var target = Schema["types"]![token] ?? throw new Xunit.Sdk.XunitException($"{where}: $ref {token} is not in types");
            AssertMatches(type, target["properties"]!.AsObject(), token);
            return;
        }

        var schemaType = (string)spec["type"]!;
        var clr = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                Assert.Equal("array", schemaType);
                AssertTypeMatches(type.Options.GetTypeInfo(type.ElementType!), spec["items"]!, $"{where}[]");
                break;
            case JsonTypeInfoKind.Dictionary:
                Assert.Equal("object", schemaType);
                AssertTypeMatches(type.Options.GetTypeInfo(type.ElementType!), spec["additionalProperties"]!, $"{where}{{}}");
                break;
            default:
                var expected = clr == typeof(string) ? "string" : clr == typeof(bool) ? "boolean" : clr == typeof(int) ? "integer" : clr == typeof(double) ? "number" : $"?{clr}";
                Assert.True(expected == schemaType, $"{where}: model {clr.Name} is '{expected}', schema says '{schemaType}'");
                break;
        }
    }

    /// <summary>Every property spec: the members of each <c>properties</c>, <c>inputProperties</c> and <c>variables</c> object.</summary>
    private static IEnumerable<(string Path, JsonNode Node)> PropertySpecs(JsonNode node, string path)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        foreach (var (key, child) in obj.Where(p => p.Value is JsonObject))
        {
            if (key is "properties" or "inputProperties" or "variables")
            {
                foreach (var (name, spec) in child!.AsObject().Where(p => p.Value is not null))
                {
                    yield return ($"{path}.{key}.{name}", spec!);
                }
            }

            foreach (var nested in PropertySpecs(child!, $"{path}.{key}"))
            {
                yield return nested;
            }
        }
    }
}
