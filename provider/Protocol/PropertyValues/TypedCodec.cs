using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.PropertyValues;

/// <summary>
/// Maps property values to typed records and back through System.Text.Json source-generated metadata (no reflection,
/// so it stays NativeAOT-clean). Secrets and unknowns are taken off on the way in and remembered by path, and put back
/// by path on the way out.
/// </summary>
public static class TypedCodec
{
    public static Decoded<T> Decode<T>(ObjectValue properties, JsonTypeInfo<T> typeInfo)
    {
        var unknowns = new List<string>();
        var secrets = new List<string>();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WritePlain(writer, properties, "", unknowns, secrets);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(buffer.WrittenSpan, typeInfo);
        }
        catch (JsonException error)
        {
            var path = FromJsonPath(error.Path);
            throw new PropertyEncodingException(path, $"must be {DescribeExpected(typeInfo, path)}");
        }

        return new Decoded<T>(value!, PropertyPathSet.Of(unknowns), PropertyPathSet.Of(secrets));
    }

    public static ObjectValue Encode<T>(T value, JsonTypeInfo<T> typeInfo, PropertyPathSet? secrets = null, PropertyPathSet? unknowns = null)
    {
        var element = JsonSerializer.SerializeToElement(value, typeInfo);
        return Mark(FromJson(element) as ObjectValue ?? ObjectValue.Empty, secrets, unknowns);
    }

    /// <summary>Puts unknowns (creating their parents) and secrets (where a value is present) back at their paths.</summary>
    public static ObjectValue Mark(ObjectValue value, PropertyPathSet? secrets, PropertyPathSet? unknowns)
    {
        var result = value;
        foreach (var path in unknowns?.Paths ?? [])
        {
            result = (ObjectValue)SetAt(result, PropertyPath.Parse(path), 0, _ => PropertyValue.Unknown, createMissing: true);
        }

        foreach (var path in secrets?.Paths ?? [])
        {
            result = (ObjectValue)SetAt(result, PropertyPath.Parse(path), 0, PropertyValue.MakeSecret, createMissing: false);
        }

        return result;
    }

    /// <summary>Plain JSON to property values (no secrets, no unknowns); JSON null members are dropped.</summary>
    public static PropertyValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new ObjectValue(element.EnumerateObject()
            .Where(member => member.Value.ValueKind != JsonValueKind.Null)
            .ToImmutableSortedDictionary(member => member.Name, member => FromJson(member.Value), StringComparer.Ordinal)),
        JsonValueKind.Array => new ArrayValue([.. element.EnumerateArray().Select(FromJson)]),
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => new NumberValue(element.GetDouble()),
        JsonValueKind.True => PropertyValue.True,
        JsonValueKind.False => PropertyValue.False,
        _ => PropertyValue.Null,
    };

    private static void WritePlain(Utf8JsonWriter writer, PropertyValue value, string path, List<string> unknowns, List<string> secrets)
    {
        switch (value)
        {
            case NullValue:
                writer.WriteNullValue();
                break;
            case BoolValue boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            case NumberValue number when !double.IsFinite(number.Value):
                throw new PropertyEncodingException(path, $"must be a finite number, not {number.Value}");
            case NumberValue number:
                writer.WriteNumberValue(number.Value);
                break;
            case StringValue text:
                writer.WriteStringValue(text.Value);
                break;
            case UnknownValue:
                unknowns.Add(path);
                writer.WriteNullValue();
                break;
            case SecretValue secret:
                secrets.Add(path);
                WritePlain(writer, secret.Inner, path, unknowns, secrets);
                break;
            case ArrayValue array:
                writer.WriteStartArray();
                for (var i = 0; i < array.Items.Length; i++)
                {
                    WritePlain(writer, array.Items[i], PropertyPath.Index(path, i), unknowns, secrets);
                }

                writer.WriteEndArray();
                break;
            case ObjectValue obj:
                writer.WriteStartObject();
                foreach (var (key, member) in obj.Members)
                {
                    if (member is UnknownValue)
                    {
                        // An unknown member stays absent, so that a typed record sees "not given" rather than a value.
                        unknowns.Add(PropertyPath.Member(path, key));
                        continue;
                    }

                    writer.WritePropertyName(key);
                    WritePlain(writer, member, PropertyPath.Member(path, key), unknowns, secrets);
                }

                writer.WriteEndObject();
                break;
            case ResourceReferenceValue reference:
                // Like an engine that does not accept references: a reference stands for the resource's id.
                if (reference.Id is StringValue id)
                {
                    writer.WriteStringValue(id.Value);
                }
                else
                {
                    unknowns.Add(path);
                    writer.WriteNullValue();
                }

                break;
            default:
                throw new PropertyEncodingException(path, "assets and archives are not accepted by this provider");
        }
    }

    private static PropertyValue SetAt(PropertyValue current, IReadOnlyList<object> segments, int depth,
        Func<PropertyValue, PropertyValue> change, bool createMissing)
    {
        if (depth == segments.Count)
        {
            return change(current);
        }

        switch (segments[depth])
        {
            case string key when current is ObjectValue obj:
                if (obj.Members.TryGetValue(key, out var member))
                {
                    return obj with { Members = obj.Members.SetItem(key, SetAt(member, segments, depth + 1, change, createMissing)) };
                }

                return createMissing
                    ? obj with { Members = obj.Members.SetItem(key, SetAt(ObjectValue.Empty, segments, depth + 1, change, createMissing)) }
                    : obj;
            case int index when current is ArrayValue array && index < array.Items.Length:
                return array with { Items = array.Items.SetItem(index, SetAt(array.Items[index], segments, depth + 1, change, createMissing)) };
            default:
                return current;
        }
    }

    private static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "";
        }

        // System.Text.Json writes $.a.b[0] or $['odd key']; Pulumi writes a.b[0] and ["odd key"].
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath[1..];
        return path.Replace("['", "[\"").Replace("']", "\"]");
    }

    private static string DescribeExpected(JsonTypeInfo root, string path)
    {
        JsonTypeInfo current = root;
        foreach (var segment in PropertyPath.Parse(path))
        {
            Type? next = segment switch
            {
                string name when current.Kind == JsonTypeInfoKind.Object =>
                    current.Properties.FirstOrDefault(property => property.Name == name)?.PropertyType,
                _ when current.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => current.ElementType,
                _ => null,
            };
            if (next is null || !current.Options.TryGetTypeInfo(next, out var nextInfo))
            {
                return "a value of another type";
            }

            current = nextInfo;
        }

        var type = Nullable.GetUnderlyingType(current.Type) ?? current.Type;
        return current.Kind switch
        {
            JsonTypeInfoKind.Object => "an object",
            JsonTypeInfoKind.Enumerable => "a list",
            JsonTypeInfoKind.Dictionary => "a map",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) => "a number",
            _ => "a value of another type",
        };
    }
}
