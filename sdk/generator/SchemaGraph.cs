using System.Text.Json.Nodes;

namespace WebexWholesale.Generator;

/// <summary>How the schema's parts refer to each other, and the names every SDK writer derives from its tokens.</summary>
internal static class SchemaGraph
{
    /// <summary>The object types reachable from the given property specs, in token order.</summary>
    internal static IReadOnlyList<string> Reachable(JsonObject types, IEnumerable<JsonNode> roots)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>(roots);
        while (pending.Count > 0)
        {
            foreach (var token in References(pending.Pop()).Where(found.Add))
            {
                pending.Push(types[token]!);
            }
        }

        return [.. found];
    }

    internal static IEnumerable<string> References(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(member => member.Key == "$ref" && member.Value is JsonValue value
            ? [RefToken(value)]
            : member.Value is null ? [] : References(member.Value)),
        JsonArray array => array.Where(item => item is not null).SelectMany(item => References(item!)),
        _ => [],
    };

    internal static string RefToken(JsonValue reference) => ((string)reference!)["#/types/".Length..];

    internal static string TypeName(string token) => token[(token.LastIndexOf(':') + 1)..];

    internal static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    internal static HashSet<string> Strings(JsonNode? array) => array?.AsArray().Select(item => (string)item!).ToHashSet() ?? [];
}
