using System.Collections.Immutable;

namespace WebexWholesale.Provider.Resources;

/// <summary>A set of property paths, e.g. the inputs that are unknown in a preview or that were given as secrets.</summary>
public sealed class PropertyPathSet
{
    public static readonly PropertyPathSet Empty = new(ImmutableSortedSet<string>.Empty);

    private readonly ImmutableSortedSet<string> _paths;

    private PropertyPathSet(ImmutableSortedSet<string> paths) => _paths = paths;

    public static PropertyPathSet Of(IEnumerable<string> paths) => new(paths.ToImmutableSortedSet(StringComparer.Ordinal));

    public IReadOnlyCollection<string> Paths => _paths;

    public bool IsEmpty => _paths.IsEmpty;

    /// <summary>True when <paramref name="path"/> is in the set or lies below a path in the set.</summary>
    public bool Covers(string path) => _paths.Any(member => PropertyPath.IsWithin(path, member));

    /// <summary>True when <paramref name="path"/>, something below it or something above it is in the set.</summary>
    public bool Touches(string path) => _paths.Any(member => PropertyPath.IsWithin(path, member) || PropertyPath.IsWithin(member, path));

    public PropertyPathSet Union(PropertyPathSet other) => new(_paths.Union(other._paths));

    /// <summary>
    /// Each path that runs through a list element replaced by the path of the outermost list: where a list may be
    /// reordered, a secret element cannot be followed by its index, so the whole list stays secret.
    /// </summary>
    public PropertyPathSet WithElementsLifted() => new(_paths.Select(LiftToList).ToImmutableSortedSet(StringComparer.Ordinal));

    private static string LiftToList(string path)
    {
        var segments = PropertyPath.Parse(path);
        var lifted = "";
        foreach (var segment in segments)
        {
            if (segment is int)
            {
                return lifted;
            }

            lifted = PropertyPath.Member(lifted, (string)segment);
        }

        return path;
    }

    public override string ToString() => string.Join(", ", _paths);
}
