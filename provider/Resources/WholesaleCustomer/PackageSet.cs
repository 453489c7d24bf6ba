using System.Collections;
using System.Collections.Immutable;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// A customer's packages: a set, whatever order the program or Webex lists them in. It is the one place that says
/// so; Check, the mapping to Webex and the update decision all go through it.
/// </summary>
public sealed class PackageSet : IReadOnlyList<string>, IEquatable<PackageSet>
{
    public static readonly PackageSet Empty = new([]);

    private readonly ImmutableArray<string> _names;

    private PackageSet(ImmutableArray<string> names) => _names = names;

    /// <summary>The distinct names, in ordinal order (how Webex and the engine are shown them); nulls (unknowns) are left out.</summary>
    public static PackageSet Of(IEnumerable<string?>? names) =>
        names is null ? Empty : new([.. names.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public int Count => _names.Length;

    public string this[int index] => _names[index];

    public bool Contains(string name) => _names.BinarySearch(name, StringComparer.Ordinal) >= 0;

    /// <summary>The names in this set that <paramref name="other"/> lacks.</summary>
    public IEnumerable<string> Except(PackageSet other) => _names.Where(name => !other.Contains(name));

    public bool Equals(PackageSet? other) => other is not null && _names.SequenceEqual(other._names, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PackageSet);

    public override int GetHashCode() => _names.Aggregate(0, (hash, name) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(name)));

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", _names);
}
