using System.Text.Json.Nodes;
using NJsonSchema;

namespace WebexWholesale.Tests.Support;

/// <summary>
/// Validates JSON bodies against schemas of Cisco's Webex Wholesale OpenAPI contract. The contract's schemas are open
/// (no <c>additionalProperties: false</c>, no <c>required</c> in responses), so besides schema validation every
/// object property must be one the schema declares: a misspelled or invented field fails here.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> Shared = new(() => new OpenApiContract(RepositoryPaths.Contract("webex-wholesale.openapi.json")));

    private readonly JsonNode _document;

    private OpenApiContract(string path) => _document = JsonNode.Parse(File.ReadAllText(path))!;

    public static OpenApiContract Webex => Shared.Value;

    public JsonNode Operation(string path, string method) => _document["paths"]![path]![method]!;

    public JsonObject RequestSchema(string path, string method) =>
        Resolve(Operation(path, method)["requestBody"]!["content"]!["application/json"]!["schema"]!);

    public JsonObject? ResponseSchema(string path, string method, int status) =>
        Operation(path, method)["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"] is { } schema
            ? Resolve(schema)
            : null;

    public bool DeclaresStatus(string path, string method, int status) =>
        Operation(path, method)["responses"]!.AsObject().ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlySet<string> QueryParameters(string path, string method) =>
        Operation(path, method)["parameters"]!.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToHashSet();

    /// <summary>Fails unless <paramref name="body"/> conforms to the request schema of the operation.</summary>
    public static async Task AssertRequestConformsAsync(string path, string method, string body)
    {
        var problems = await ValidateAsync(Webex.RequestSchema(path, method), body);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + body);
    }

    /// <summary>Fails unless the operation declares the answer's status and its body conforms (none where none is declared).</summary>
    public static async Task AssertResponseConformsAsync(HttpResponseMessage response, string path, string method)
    {
        var status = (int)response.StatusCode;
        Assert.True(Webex.DeclaresStatus(path, method, status), $"{method} {path} does not declare {status}");
        var body = await response.Content.ReadAsStringAsync();
        if (Webex.ResponseSchema(path, method, status) is not { } schema)
        {
            Assert.Equal("", body); // no content declared, none sent
            return;
        }

        var problems = await ValidateAsync(schema, body);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + body);
    }

    /// <summary>Every problem with <paramref name="json"/> against <paramref name="schema"/>; empty when it conforms.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonObject schema, string json)
    {
        var compiled = await JsonSchema.FromJsonAsync(schema.ToJsonString());
        var problems = compiled.Validate(json).Select(error => $"{error.Path}: {error.Kind}").ToList();
        problems.AddRange(UndeclaredProperties(schema, JsonNode.Parse(json), "$"));
        return problems;
    }

    private static IEnumerable<string> UndeclaredProperties(JsonNode schema, JsonNode? instance, string path)
    {
        switch (instance)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, value) in obj)
                {
                    if (properties[name] is { } propertySchema)
                    {
                        foreach (var problem in UndeclaredProperties(propertySchema, value, $"{path}.{name}"))
                        {
                            yield return problem;
                        }
                    }
                    else
                    {
                        yield return $"{path}.{name}: not declared by the contract";
                    }
                }

                break;
            case JsonArray array when schema["items"] is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var problem in UndeclaredProperties(items, array[i], $"{path}[{i}]"))
                    {
                        yield return problem;
                    }
                }

                break;
        }
    }

    /// <summary>A copy of the schema with every <c>$ref</c> into the document replaced by its target.</summary>
    private JsonObject Resolve(JsonNode schema) => (JsonObject)Inline(schema.DeepClone(), depth: 0);

    private JsonNode Inline(JsonNode node, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException("schema nests too deep (a $ref cycle?)");
        }

        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue reference:
                var target = ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Aggregate<string, JsonNode?>(_document, (current, segment) => current?[segment.Replace("~1", "/").Replace("~0", "~")]);
                var resolved = (JsonObject)Inline(target!.DeepClone(), depth + 1);
                foreach (var (key, value) in obj.Where(pair => pair.Key != "$ref").ToList())
                {
                    resolved[key] = value?.DeepClone(); // siblings of $ref (descriptions) are kept
                }

                return resolved;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    // "example" values in this contract are not always valid; they are documentation, not schema.
                    if (key != "example")
                    {
                        copy[key] = value is null ? null : Inline(value, depth + 1);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Inline(item, depth + 1))]);
            default:
                return node.DeepClone();
        }
    }
}
