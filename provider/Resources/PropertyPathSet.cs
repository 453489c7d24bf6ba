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

    public override string ToString() => string.Join(", ", _paths);
}
