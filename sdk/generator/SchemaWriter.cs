using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Generator;

/// <summary>
/// Derives the Pulumi package schema from the typed model, as pulumi-go-provider's <c>infer</c> derives it from Go
/// types: every resource and function the provider assembly implements, their records' properties (names and types
/// from the source-generated JSON metadata, descriptions from doc comments, behaviour from the schema attributes), and
/// the object types they reach.
/// </summary>
public sealed class SchemaWriter
{
    private readonly DocComments _docs;
    private readonly SortedDictionary<string, JsonObject> _types = new(StringComparer.Ordinal);

    private SchemaWriter(DocComments docs) => _docs = docs;

    public static Assembly ProviderAssembly => typeof(ICustomResource<,>).Assembly;

    public static JsonObject Build(string root)
    {
        var writer = new SchemaWriter(DocComments.For(ProviderAssembly));
        var schema = PackageMetadata.Header(ProviderSession.Version);
        var config = writer.Properties(ProviderConfigJson.Default.ProviderConfigInputs, inputs: true);
        schema["config"] = new JsonObject { ["variables"] = config };
        schema["provider"] = new JsonObject
        {
            ["description"] = $"The provider type for the {PackageMetadata.Name} package.",
            ["inputProperties"] = config.DeepClone(),
        };
        schema["language"] = PackageMetadata.Languages();
        schema["resources"] = writer.Resources(root);
        schema["functions"] = writer.Functions();
        schema["types"] = new JsonObject(writer._types.Select(type => KeyValuePair.Create(type.Key, (JsonNode?)type.Value)));
        return Reorder(schema, ["name", "displayName", "version", "description", "keywords", "homepage", "repository", "publisher", "license", "logoUrl",
            "pluginDownloadURL", "config", "provider", "language", "resources", "types", "functions"]);
    }

    public static string Serialize(JsonObject schema) =>
        schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private JsonObject Resources(string root)
    {
        var resources = new JsonObject();
        foreach (var resource in Implementations(typeof(ICustomResource<,>)))
        {
            var token = (string)resource.GetType().GetProperty(nameof(ICustomResource<,>.Token))!.GetValue(resource)!;
            var inputsType = (JsonTypeInfo)resource.GetType().GetProperty("InputsType")!.GetValue(resource)!;
            var outputsType = (JsonTypeInfo)resource.GetType().GetProperty("OutputsType")!.GetValue(resource)!;
            var inputs = Properties(inputsType, inputs: true);
            var outputs = Properties(outputsType, inputs: false);
            var state = Properties(inputsType, inputs: false);
            foreach (var (name, spec) in outputs)
            {
                state[name] = spec!.DeepClone();
            }

            // The state is the inputs plus the outputs. A create-only input may be absent from it (Webex cannot
            // return it after an import), so of the inputs only those that can change in place are required there.
            var stateRequired = Required(inputsType).Where(name => !SchemaDeclarations.Has<ReplaceOnChangesAttribute>(Property(inputsType, name)))
                .Concat(Required(outputsType));
            resources[token] = new JsonObject
            {
                ["description"] = ResourcePage(root, resource.GetType()),
                ["inputProperties"] = inputs,
                ["requiredInputs"] = new JsonArray([.. Required(inputsType).Select(name => JsonValue.Create(name))]),
                ["properties"] = state,
                ["required"] = new JsonArray([.. stateRequired.Select(name => JsonValue.Create(name))]),
            };
        }

        return resources;
    }

    private JsonObject Functions()
    {
        var functions = new JsonObject();
        foreach (var function in Implementations(typeof(ICustomFunction<,>)))
        {
            var token = (string)function.GetType().GetProperty("Token")!.GetValue(function)!;
            var args = (JsonTypeInfo)function.GetType().GetProperty("ArgsType")!.GetValue(function)!;
            var result = (JsonTypeInfo)function.GetType().GetProperty("ResultType")!.GetValue(function)!;
            functions[token] = new JsonObject
            {
                ["description"] = Describe(_docs.Of(function.GetType()), function.GetType().Name),
                ["inputs"] = ObjectSpec(args, inputs: true, withType: false),
                ["outputs"] = ObjectSpec(result, inputs: false, withType: false),
            };
        }

        return functions;
    }

    /// <summary>An object spec: its properties, and its required ones when there are any.</summary>
    private JsonObject ObjectSpec(JsonTypeInfo type, bool inputs, bool withType)
    {
        var spec = new JsonObject();
        if (withType)
        {
            spec["type"] = "object";
            spec["description"] = Describe(_docs.Of(type.Type), type.Type.Name);
        }

        spec["properties"] = Properties(type, inputs);
        var required = Required(type).ToList();
        if (required.Count > 0)
        {
            spec["required"] = new JsonArray([.. required.Select(name => JsonValue.Create(name))]);
        }

        return spec;
    }

    private JsonObject Properties(JsonTypeInfo type, bool inputs)
    {
        var properties = new JsonObject();
        foreach (var property in type.Properties)
        {
            var clr = (PropertyInfo)property.AttributeProvider!;
            var spec = TypeSpec(type.Options.GetTypeInfo(property.PropertyType));
            spec["description"] = Describe(_docs.Of(clr), $"{type.Type.Name}.{clr.Name}");
            if (SchemaDeclarations.Has<SecretAttribute>(property))
            {
                spec["secret"] = true;
            }

            if (clr.GetCustomAttribute<DefaultValueAttribute>() is { } fallback)
            {
                spec["default"] = fallback.Value switch
                {
                    bool flag => JsonValue.Create(flag),
                    int number => JsonValue.Create(number),
                    double number => JsonValue.Create(number),
                    string text => JsonValue.Create(text),
                    var other => throw new InvalidOperationException($"{clr.Name}: no schema default for a {other.GetType().Name}"),
                };
            }

            if (clr.GetCustomAttribute<EnvironmentDefaultAttribute>() is { } environment)
            {
                spec["defaultInfo"] = new JsonObject { ["environment"] = new JsonArray([.. environment.Variables.Select(name => JsonValue.Create(name))]) };
            }

            if (inputs && SchemaDeclarations.Has<ReplaceOnChangesAttribute>(property))
            {
                spec["willReplaceOnChanges"] = true;
            }

            properties[property.Name] = spec;
        }

        return properties;
    }

    private JsonObject TypeSpec(JsonTypeInfo type)
    {
        var clr = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                return new JsonObject { ["type"] = "array", ["items"] = TypeSpec(type.Options.GetTypeInfo(type.ElementType!)) };
            case JsonTypeInfoKind.Dictionary:
                return new JsonObject { ["type"] = "object", ["additionalProperties"] = TypeSpec(type.Options.GetTypeInfo(type.ElementType!)) };
            case JsonTypeInfoKind.Object:
                var name = clr.GetCustomAttribute<SchemaTypeAttribute>()?.Name
                    ?? throw new InvalidOperationException($"{clr.Name} is an object type in the schema: give it [SchemaType(\"Name\")]");
                var token = PackageMetadata.Token(name);
                if (!_types.ContainsKey(token))
                {
                    _types[token] = []; // reserved first: types may refer to themselves
                    _types[token] = ObjectSpec(type, inputs: false, withType: true);
                }

                return new JsonObject { ["$ref"] = $"#/types/{token}" };
            default:
                var scalar = clr == typeof(string) ? "string" : clr == typeof(bool) ? "boolean" : clr == typeof(int) ? "integer"
                    : clr == typeof(double) ? "number" : throw new InvalidOperationException($"no schema type for {clr.Name}");
                return new JsonObject { ["type"] = scalar };
        }
    }

    private static IEnumerable<string> Required(JsonTypeInfo type) =>
        type.Properties.Where(SchemaDeclarations.Has<RequiredAttribute>).Select(property => property.Name);

    private static JsonPropertyInfo Property(JsonTypeInfo type, string name) => type.Properties.Single(property => property.Name == name);

    private static string Describe(string? summary, string where) =>
        string.IsNullOrWhiteSpace(summary) ? throw new InvalidOperationException($"{where} has no <summary>: the schema needs a description") : summary;

    /// <summary>A resource's documentation page: the Markdown file named after it, beside its code.</summary>
    private static string ResourcePage(string root, Type resource)
    {
        var folder = resource.Namespace!["WebexWholesale.Provider.".Length..].Replace('.', '/');
        var name = resource.Name.Replace("Resource", "", StringComparison.Ordinal);
        var page = Path.Combine(root, "provider", folder, $"{name}.md");
        return File.Exists(page) ? File.ReadAllText(page) : throw new InvalidOperationException($"{page} is missing: every resource has its page");
    }

    private static IEnumerable<object> Implementations(Type genericInterface) =>
        ProviderAssembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetConstructor(Type.EmptyTypes) is not null &&
                           type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => Activator.CreateInstance(type)!);

    private static JsonObject Reorder(JsonObject schema, string[] order)
    {
        var ordered = new JsonObject();
        foreach (var key in order.Where(schema.ContainsKey))
        {
            var value = schema[key];
            schema.Remove(key);
            ordered[key] = value;
        }

        return ordered;
    }
}
