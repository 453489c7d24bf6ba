using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// Compares the inputs a resource was last deployed (or refreshed) with against the new inputs, by the schema
/// attributes of its inputs record. Lists marked <see cref="UnorderedAttribute"/> (packages) compare as sets. Inputs
/// marked <see cref="ReplaceOnChangesAttribute"/> replace the resource, because Webex's update does not accept them,
/// and always delete first: two customers with one externalId, or two subscribers with one e-mail, must never exist.
/// A create-only input that was absent before or is removed from the program is not a reason to replace.
/// <para>
/// Imports: a resource read from Webex lacks the inputs Webex never returns (<see cref="NotReturnedAttribute"/>); they
/// are unknown, not different, so the program's values are taken without a change and kept from then on. Such olds
/// are recognised by a missing input that every create has and Webex never returns (a customer's <c>provisioningId</c>), where the
/// record has one. An input Webex assigns when the program leaves it out (<see cref="ComputedAttribute"/>, the org of
/// a new customer) is state, so a program without it is not a change either.
/// </para>
/// </summary>
public sealed class InputsDiff<TInputs>(JsonTypeInfo<TInputs> inputs)
    where TInputs : class
{
    private readonly JsonTypeInfo<TInputs> _inputs = inputs;

    /// <summary>The inputs Webex takes only when it creates the resource.</summary>
    public IReadOnlySet<string> CreateOnly { get; } = SchemaDeclarations.PropertiesWith<ReplaceOnChangesAttribute>(inputs);

    private readonly IReadOnlySet<string> _unordered = SchemaDeclarations.PropertiesWith<UnorderedAttribute>(inputs);

    private readonly IReadOnlySet<string> _notReturned = SchemaDeclarations.PropertiesWith<NotReturnedAttribute>(inputs);

    private readonly IReadOnlySet<string> _computed = SchemaDeclarations.PropertiesWith<ComputedAttribute>(inputs);

    /// <summary>The input every create has and Webex never returns, whose absence marks inputs that were read from Webex (an import); null when there is none.</summary>
    private readonly string? _importMarker = SchemaDeclarations.PropertiesWith<RequiredToCreateAttribute>(inputs)
        .Intersect(SchemaDeclarations.PropertiesWith<NotReturnedAttribute>(inputs)).SingleOrDefault();

    public ResourceDiff Compute(TInputs olds, Decoded<TInputs> news, IReadOnlyCollection<string> ignoreChanges)
    {
        var before = JsonSerializer.SerializeToNode(olds, _inputs)!.AsObject();
        var after = JsonSerializer.SerializeToNode(news.Value, _inputs)!.AsObject();

        var changes = new List<PropertyChange>();
        Compare(before, after, "", changes);

        // An unknown new value is absent in the typed inputs; it is a change at its own path, whatever it turns out to be.
        changes.RemoveAll(change => news.Unknowns.Covers(change.Path));
        foreach (var path in news.Unknowns.Paths.Where(path => !changes.Any(change => PropertyPath.IsWithin(path, change.Path))))
        {
            changes.Add(new PropertyChange(path, Lookup(before, path) is null ? ChangeKind.Add : ChangeKind.Update));
        }

        var imported = _importMarker is not null && before[_importMarker] is null;
        var result = changes
            .Where(change => !ignoreChanges.Any(ignored => PropertyPath.IsWithin(change.Path, ignored)))
            .Where(change => !IsState(change, imported, news.Unknowns))
            .Select(change => change with { Replaces = Replaces(change, before, after, news.Unknowns) })
            .OrderBy(change => change.Path, StringComparer.Ordinal)
            .ToList();
        return new ResourceDiff(result, DeleteBeforeReplace: true);
    }

    /// <summary>A difference that is only what an import could not know, or what Webex assigned: no change.</summary>
    private bool IsState(PropertyChange change, bool imported, PropertyPathSet unknowns)
    {
        var key = PropertyPath.TopLevel(change.Path);
        return (imported && change.Kind == ChangeKind.Add && change.Path == key && _notReturned.Contains(key)) ||
               (change.Kind == ChangeKind.Delete && change.Path == key && _computed.Contains(key) && !unknowns.Touches(key));
    }

    private bool Replaces(PropertyChange change, JsonObject before, JsonObject after, PropertyPathSet unknowns)
    {
        var key = PropertyPath.TopLevel(change.Path);
        return CreateOnly.Contains(key) && before[key] is not null && (after[key] is not null || unknowns.Covers(key) || unknowns.Touches(key));
    }

    private void Compare(JsonNode? before, JsonNode? after, string path, List<PropertyChange> changes)
    {
        switch (before, after)
        {
            case (null, null):
                return;
            case (null, _):
                changes.Add(new PropertyChange(path, ChangeKind.Add));
                return;
            case (_, null):
                changes.Add(new PropertyChange(path, ChangeKind.Delete));
                return;
            case (JsonObject oldObject, JsonObject newObject):
                foreach (var key in oldObject.Select(p => p.Key).Union(newObject.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Compare(oldObject[key], newObject[key], PropertyPath.Member(path, key), changes);
                }

                return;
            case (JsonArray oldArray, JsonArray newArray) when _unordered.Contains(path):
                CompareSet(oldArray, newArray, path, changes);
                return;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    changes.Add(new PropertyChange(path, ChangeKind.Update));
                }

                return;
        }
    }

    /// <summary>Added names are reported at their index in the new list, removed ones at their index in the old.</summary>
    private static void CompareSet(JsonArray before, JsonArray after, string path, List<PropertyChange> changes)
    {
        var oldNames = before.Select(item => item?.ToJsonString()).ToList();
        var newNames = after.Select(item => item?.ToJsonString()).ToList();
        for (var i = 0; i < newNames.Count; i++)
        {
            if (newNames[i] is not null && !oldNames.Contains(newNames[i]))
            {
                changes.Add(new PropertyChange(PropertyPath.Index(path, i), ChangeKind.Add));
            }
        }

        for (var i = 0; i < oldNames.Count; i++)
        {
            if (!newNames.Contains(oldNames[i]))
            {
                changes.Add(new PropertyChange(PropertyPath.Index(path, i), ChangeKind.Delete));
            }
        }
    }

    private static JsonNode? Lookup(JsonNode? node, string path)
    {
        foreach (var segment in PropertyPath.Parse(path))
        {
            node = segment switch
            {
                string key when node is JsonObject obj => obj[key],
                int index when node is JsonArray array && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }
}
