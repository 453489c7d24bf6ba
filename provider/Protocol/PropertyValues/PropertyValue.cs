using System.Collections.Immutable;

namespace WebexWholesale.Provider.Protocol.PropertyValues;

/// <summary>
/// One value of Pulumi's property model: plain data plus the special values the engine encodes with a signature key
/// (secrets, unknowns, resource references, assets, archives). <see cref="StructCodec"/> converts it to and from the
/// wire; <see cref="TypedCodec"/> maps plain data to typed records.
/// </summary>
public abstract record PropertyValue
{
    private protected PropertyValue() { }

    public static readonly PropertyValue Null = new NullValue();
    public static readonly PropertyValue Unknown = new UnknownValue();
    public static readonly PropertyValue True = new BoolValue(true);
    public static readonly PropertyValue False = new BoolValue(false);

    public static PropertyValue From(bool value) => value ? True : False;
    public static PropertyValue From(double value) => new NumberValue(value);
    public static PropertyValue From(string? value) => value is null ? Null : new StringValue(value);
    public static PropertyValue From(IEnumerable<PropertyValue> items) => new ArrayValue([.. items]);
    public static PropertyValue From(IEnumerable<KeyValuePair<string, PropertyValue>> members) =>
        new ObjectValue(members.ToImmutableSortedDictionary(StringComparer.Ordinal));
    public static PropertyValue MakeSecret(PropertyValue inner) => inner is SecretValue ? inner : new SecretValue(inner);

    /// <summary>True when this value, or anything nested in it, is not known yet (preview only).</summary>
    public abstract bool ContainsUnknowns { get; }

    /// <summary>True when this value, or anything nested in it, is secret.</summary>
    public abstract bool ContainsSecrets { get; }
}

public sealed record NullValue : PropertyValue
{
    internal NullValue() { }
    public override bool ContainsUnknowns => false;
    public override bool ContainsSecrets => false;
}

public sealed record BoolValue(bool Value) : PropertyValue
{
    public override bool ContainsUnknowns => false;
    public override bool ContainsSecrets => false;
}

public sealed record NumberValue(double Value) : PropertyValue
{
    public override bool ContainsUnknowns => false;
    public override bool ContainsSecrets => false;
}

public sealed record StringValue(string Value) : PropertyValue
{
    public override bool ContainsUnknowns => false;
    public override bool ContainsSecrets => false;
}

/// <summary>A value that only becomes known during the update (an output of a resource not created yet).</summary>
public sealed record UnknownValue : PropertyValue
{
    internal UnknownValue() { }
    public override bool ContainsUnknowns => true;
    public override bool ContainsSecrets => false;
}

public sealed record SecretValue(PropertyValue Inner) : PropertyValue
{
    public override bool ContainsUnknowns => Inner.ContainsUnknowns;
    public override bool ContainsSecrets => true;
}

public sealed record ArrayValue(ImmutableArray<PropertyValue> Items) : PropertyValue
{
    public override bool ContainsUnknowns => Items.Any(item => item.ContainsUnknowns);
    public override bool ContainsSecrets => Items.Any(item => item.ContainsSecrets);

    public bool Equals(ArrayValue? other) => other is not null && Items.SequenceEqual(other.Items);
    public override int GetHashCode() => Items.Length;
}

public sealed record ObjectValue(ImmutableSortedDictionary<string, PropertyValue> Members) : PropertyValue
{
    public static readonly ObjectValue Empty = new(ImmutableSortedDictionary.Create<string, PropertyValue>(StringComparer.Ordinal));

    public override bool ContainsUnknowns => Members.Values.Any(member => member.ContainsUnknowns);
    public override bool ContainsSecrets => Members.Values.Any(member => member.ContainsSecrets);

    public PropertyValue? this[string key] => Members.TryGetValue(key, out var value) ? value : null;

    public bool Equals(ObjectValue? other) =>
        other is not null && Members.Count == other.Members.Count &&
        Members.All(pair => other.Members.TryGetValue(pair.Key, out var value) && pair.Value.Equals(value));

    public override int GetHashCode() => Members.Count;
}

/// <summary>A reference to another resource; its id is null when the engine does not know it yet.</summary>
public sealed record ResourceReferenceValue(string Urn, PropertyValue? Id, string PackageVersion) : PropertyValue
{
    public override bool ContainsUnknowns => Id is UnknownValue;
    public override bool ContainsSecrets => false;
}

/// <summary>An asset (file, text or URI); Diff, Read and Delete receive only its hash.</summary>
public sealed record AssetValue(string? Hash, string? Text, string? Path, string? Uri) : PropertyValue
{
    public override bool ContainsUnknowns => false;
    public override bool ContainsSecrets => false;
}

/// <summary>An archive (named assets, file or URI); Diff, Read and Delete receive only its hash.</summary>
public sealed record ArchiveValue(string? Hash, ImmutableSortedDictionary<string, PropertyValue>? Assets, string? Path, string? Uri)
    : PropertyValue
{
    public override bool ContainsUnknowns => false;
    public override bool ContainsSecrets => false;
}
