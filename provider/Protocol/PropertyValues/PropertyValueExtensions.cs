using System.Collections.Immutable;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.PropertyValues;

public static class PropertyValueExtensions
{
    /// <summary>The value with every secret wrapper removed (for comparisons: making a value secret is no change).</summary>
    public static PropertyValue WithoutSecrets(this PropertyValue value) => value switch
    {
        SecretValue secret => secret.Inner.WithoutSecrets(),
        ArrayValue array => array with { Items = [.. array.Items.Select(WithoutSecrets)] },
        ObjectValue obj => obj with { Members = obj.Members.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value.WithoutSecrets(), StringComparer.Ordinal) },
        _ => value,
    };

    /// <summary>
    /// Top-level changes between two objects, ignoring secretness; an unknown new value counts as an update. Nulls
    /// count as absent, as they do for the engine.
    /// </summary>
    public static IReadOnlyList<PropertyChange> TopLevelChanges(this ObjectValue olds, ObjectValue news)
    {
        var changes = new List<PropertyChange>();
        foreach (var key in olds.Members.Keys.Union(news.Members.Keys).Order(StringComparer.Ordinal))
        {
            var before = Present(olds[key]);
            var after = Present(news[key]);
            if (before is null && after is not null)
            {
                changes.Add(new PropertyChange(key, ChangeKind.Add));
            }
            else if (before is not null && after is null)
            {
                changes.Add(new PropertyChange(key, ChangeKind.Delete));
            }
            else if (before is not null && after is not null && (after.ContainsUnknowns || !before.Equals(after)))
            {
                changes.Add(new PropertyChange(key, ChangeKind.Update));
            }
        }

        return changes;
    }

    private static PropertyValue? Present(PropertyValue? value) => value?.WithoutSecrets() is { } plain and not NullValue ? plain : null;
}
