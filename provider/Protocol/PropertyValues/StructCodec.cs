using System.Collections.Immutable;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.PropertyValues;

/// <summary>
/// Converts between <c>google.protobuf.Struct</c> (what the engine sends) and <see cref="PropertyValue"/>.
/// Unknowns are accepted only where the caller allows them (preview), and written only then, as the string sentinel.
/// </summary>
public static class StructCodec
{
    /// <summary>
    /// How deeply values may nest. The provider's deepest property is five levels down; a limit keeps a hostile or
    /// broken value from exhausting the stack. (gRPC's protobuf parser refuses Structs nested past about 32 levels
    /// before they reach the provider.)
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>Decodes a Struct; an absent Struct (an import Read) is an empty object.</summary>
    public static ObjectValue Decode(Struct? message, bool allowUnknowns)
    {
        if (message is null)
        {
            return ObjectValue.Empty;
        }

        return DecodeFields(message.Fields, allowUnknowns, path: "") as ObjectValue
               ?? throw new PropertyEncodingException("", "the properties must be a plain object, not a secret, asset or reference as a whole");
    }

    public static Struct Encode(ObjectValue value, bool allowUnknowns)
    {
        var message = new Struct();
        foreach (var (key, member) in value.Members)
        {
            message.Fields[key] = EncodeValue(member, allowUnknowns, PropertyPath.Member("", key));
        }

        return message;
    }

    private static PropertyEncodingException TooDeep(string path) =>
        new(path, $"is nested more than {MaxDepth} levels deep; no property of this provider nests so deeply (check for a value that contains itself, or a file read into it)", tooDeep: true);

    private static PropertyValue DecodeFields(MapField<string, Value> fields, bool allowUnknowns, string path)
    {
        if (PropertyPath.Parse(path).Count >= MaxDepth)
        {
            throw TooDeep(path);
        }

        if (fields.TryGetValue(Signatures.Key, out var signature) && signature.KindCase == Value.KindOneofCase.StringValue)
        {
            return DecodeSpecial(signature.StringValue, fields, allowUnknowns, path);
        }

        var members = ImmutableSortedDictionary.CreateBuilder<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, field) in fields)
        {
            members[key] = DecodeValue(field, allowUnknowns, PropertyPath.Member(path, key));
        }

        return new ObjectValue(members.ToImmutable());
    }

    private static PropertyValue DecodeValue(Value value, bool allowUnknowns, string path) => value.KindCase switch
    {
        Value.KindOneofCase.None or Value.KindOneofCase.NullValue => PropertyValue.Null,
        Value.KindOneofCase.BoolValue => PropertyValue.From(value.BoolValue),
        Value.KindOneofCase.NumberValue => PropertyValue.From(value.NumberValue),
        Value.KindOneofCase.StringValue when Signatures.UnknownSentinels.Contains(value.StringValue) =>
            DecodeUnknown(allowUnknowns, path),
        Value.KindOneofCase.StringValue => new StringValue(value.StringValue),
        Value.KindOneofCase.ListValue when PropertyPath.Parse(path).Count >= MaxDepth =>
            throw TooDeep(path),
        Value.KindOneofCase.ListValue => new ArrayValue(
            [.. value.ListValue.Values.Select((item, index) => DecodeValue(item, allowUnknowns, PropertyPath.Index(path, index)))]),
        Value.KindOneofCase.StructValue => DecodeFields(value.StructValue.Fields, allowUnknowns, path),
        _ => throw new PropertyEncodingException(path, $"unsupported protobuf value kind {value.KindCase}"),
    };

    private static PropertyValue DecodeUnknown(bool allowUnknowns, string path) => allowUnknowns
        ? PropertyValue.Unknown
        : throw new PropertyEncodingException(path, "the value is unknown, but unknown values are only valid during preview");

    private static PropertyValue DecodeSpecial(string kind, MapField<string, Value> fields, bool allowUnknowns, string path)
    {
        string? Text(string key) =>
            fields.TryGetValue(key, out var field) && field.KindCase == Value.KindOneofCase.StringValue ? field.StringValue : null;

        switch (kind)
        {
            case Signatures.Secret:
                return PropertyValue.MakeSecret(fields.TryGetValue("value", out var inner)
                    ? DecodeValue(inner, allowUnknowns, path)
                    : PropertyValue.Null);

            case Signatures.OutputValue:
                // Output values belong to Construct and Call; decoding them keeps a stray one from crashing a call.
                var known = fields.TryGetValue("value", out var outputValue)
                    ? DecodeValue(outputValue, allowUnknowns, path)
                    : DecodeUnknown(allowUnknowns, path);
                var isSecret = fields.TryGetValue("secret", out var secretFlag) && secretFlag.KindCase == Value.KindOneofCase.BoolValue &&
                               secretFlag.BoolValue;
                return isSecret ? PropertyValue.MakeSecret(known) : known;

            case Signatures.ResourceReference:
                PropertyValue? id = fields.TryGetValue("id", out var idValue) ? DecodeValue(idValue, allowUnknowns, PropertyPath.Member(path, "id")) : null;
                return new ResourceReferenceValue(Text("urn") ?? "", id, Text("packageVersion") ?? "");

            case Signatures.Asset:
                return new AssetValue(Text("hash"), Text("text"), Text("path"), Text("uri"));

            case Signatures.Archive:
                ImmutableSortedDictionary<string, PropertyValue>? assets = null;
                if (fields.TryGetValue("assets", out var assetsValue) && assetsValue.KindCase == Value.KindOneofCase.StructValue)
                {
                    assets = ((ObjectValue)DecodeFields(assetsValue.StructValue.Fields, allowUnknowns, PropertyPath.Member(path, "assets"))).Members;
                }

                return new ArchiveValue(Text("hash"), assets, Text("path"), Text("uri"));

            default:
                throw new PropertyEncodingException(path, $"unrecognised special value signature '{Echo.Of(kind)}'");
        }
    }

    private static Value EncodeValue(PropertyValue value, bool allowUnknowns, string path)
    {
        switch (value)
        {
            case NullValue:
                return Value.ForNull();
            case BoolValue boolean:
                return Value.ForBool(boolean.Value);
            case NumberValue number:
                return Value.ForNumber(number.Value);
            case StringValue text:
                return Value.ForString(text.Value);
            case UnknownValue when allowUnknowns:
                return Value.ForString(Signatures.UnknownString);
            case UnknownValue:
                throw new PropertyEncodingException(path, "an unknown value may only be returned during preview");
            case SecretValue secret:
                return Special(Signatures.Secret, ("value", EncodeValue(secret.Inner, allowUnknowns, path)));
            case ArrayValue array:
                return Value.ForList([.. array.Items.Select((item, index) => EncodeValue(item, allowUnknowns, PropertyPath.Index(path, index)))]);
            case ObjectValue obj:
                var message = new Struct();
                foreach (var (key, member) in obj.Members)
                {
                    message.Fields[key] = EncodeValue(member, allowUnknowns, PropertyPath.Member(path, key));
                }

                return Value.ForStruct(message);
            case ResourceReferenceValue reference:
                var referenceFields = new List<(string, Value)> { ("urn", Value.ForString(reference.Urn)) };
                if (reference.Id is not null)
                {
                    referenceFields.Add(("id", EncodeValue(reference.Id, allowUnknowns, PropertyPath.Member(path, "id"))));
                }

                referenceFields.Add(("packageVersion", Value.ForString(reference.PackageVersion)));
                return Special(Signatures.ResourceReference, [.. referenceFields]);
            case AssetValue asset:
                return Special(Signatures.Asset, OptionalStrings(("hash", asset.Hash), ("text", asset.Text), ("path", asset.Path), ("uri", asset.Uri)));
            case ArchiveValue archive:
                var archiveFields = OptionalStrings(("hash", archive.Hash), ("path", archive.Path), ("uri", archive.Uri)).ToList();
                if (archive.Assets is not null)
                {
                    archiveFields.Add(("assets", EncodeValue(new ObjectValue(archive.Assets), allowUnknowns, PropertyPath.Member(path, "assets"))));
                }

                return Special(Signatures.Archive, [.. archiveFields]);
            default:
                throw new PropertyEncodingException(path, $"unsupported property value {value.GetType().Name}");
        }
    }

    private static (string, Value)[] OptionalStrings(params (string Key, string? Text)[] fields) =>
        [.. fields.Where(field => field.Text is not null).Select(field => (field.Key, Value.ForString(field.Text!)))];

    private static Value Special(string kind, params (string Key, Value Value)[] fields)
    {
        var message = new Struct { Fields = { [Signatures.Key] = Value.ForString(kind) } };
        foreach (var (key, field) in fields)
        {
            message.Fields[key] = field;
        }

        return Value.ForStruct(message);
    }
}
