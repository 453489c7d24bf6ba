using System.Text.Json.Serialization.Metadata;

namespace WebexWholesale.Provider.Resources.Schema;

/// <summary>Reads the declarations of the schema attributes from source-generated JSON metadata (AOT-safe).</summary>
public static class SchemaDeclarations
{
    public static bool Has<TAttribute>(JsonPropertyInfo property) where TAttribute : Attribute =>
        property.AttributeProvider?.IsDefined(typeof(TAttribute), inherit: false) == true;

    /// <summary>The JSON names of the properties of <paramref name="type"/> that carry <typeparamref name="TAttribute"/>.</summary>
    public static IReadOnlySet<string> PropertiesWith<TAttribute>(JsonTypeInfo type) where TAttribute : Attribute =>
        type.Properties.Where(Has<TAttribute>).Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
}
