using Google.Protobuf.WellKnownTypes;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;
using StringValue = WebexWholesale.Provider.Protocol.PropertyValues.StringValue;

namespace WebexWholesale.Tests.Protocol.PropertyValues;

public class StructCodecTests
{
    private const string Sig = "4dabf18193072939515e22adb298388d";
    private const string SecretSig = "1b47061264138c4ac30d75fd1eb44270";

    private static readonly string[] UnknownSentinels =
    [
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
    ];

    /// <summary>Parses JSON written with placeholders: @sig (signature key), @secret (secret marker), @output.</summary>
    private static Struct Parse(string json) => Struct.Parser.ParseJson(json
        .Replace("@sig", Sig).Replace("@secret", SecretSig).Replace("@output", "d0e6a833031e9bbcd3f4e8bde6ca49a4"));

    private static PropertyValue DecodeOne(string json, bool allowUnknowns = true) =>
        StructCodec.Decode(Parse("{\"v\": " + json + "}"), allowUnknowns)["v"]!;

    [Fact]
    public void Decode_AbsentStruct_IsEmptyObject()
    {
        var sut = StructCodec.Decode(null, allowUnknowns: false);

        Assert.Empty(sut.Members);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("-12.5")]
    [InlineData("\"text\"")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    [InlineData("[1, \"two\", null, [true]]")]
    [InlineData("{}")]
    [InlineData("{\"a\": {\"b\": [1, {\"c\": \"d\"}]}}")]
    public void PlainValues_RoundTrip(string json)
    {
        var original = Parse("{\"v\": " + json + "}");

        var decoded = StructCodec.Decode(original, allowUnknowns: false);
        var encoded = StructCodec.Encode(decoded, allowUnknowns: false);

        Assert.Equal(original, encoded);
    }

    [Fact]
    public void Decode_PlainKinds_MapToTheirValues()
    {
        Assert.Equal(PropertyValue.Null, DecodeOne("null"));
        Assert.Equal(PropertyValue.True, DecodeOne("true"));
        Assert.Equal(new NumberValue(4.5), DecodeOne("4.5"));
        Assert.Equal(new StringValue("x"), DecodeOne("\"x\""));
        Assert.Equal(PropertyValue.From(new[] { PropertyValue.From(1), PropertyValue.From("a") }), DecodeOne("[1, \"a\"]"));
        Assert.Equal(PropertyValue.From(new Dictionary<string, PropertyValue> { ["k"] = PropertyValue.From("v") }), DecodeOne("{\"k\": \"v\"}"));
    }

    [Fact]
    public void Decode_EveryUnknownSentinel_IsUnknown()
    {
        foreach (var sentinel in UnknownSentinels)
        {
            Assert.Equal(PropertyValue.Unknown, DecodeOne($"\"{sentinel}\""));
        }
    }

    [Fact]
    public void Decode_UnknownOutsidePreview_NamesThePath()
    {
        var error = Assert.Throws<PropertyEncodingException>(() =>
            StructCodec.Decode(Parse("""{"address": {"lines": ["x", "04da6b54-80e4-46f7-96ec-b56ff0331ba9"]}}"""), allowUnknowns: false));

        Assert.Equal("address.lines[1]", error.PropertyPath);
    }

    [Fact]
    public void Secret_RoundTrips()
    {
        var original = Parse("""{"token": {"@sig": "@secret", "value": "abc"}}""");

        var decoded = StructCodec.Decode(original, allowUnknowns: false);

        Assert.Equal(new SecretValue(new StringValue("abc")), decoded["token"]);
        Assert.Equal(original, StructCodec.Encode(decoded, allowUnknowns: false));
    }

    [Fact]
    public void SecretOfUnknown_RoundTripsInPreview()
    {
        var original = Parse("""{"tags": {"@sig": "@secret", "value": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}""");

        var decoded = StructCodec.Decode(original, allowUnknowns: true);

        Assert.Equal(new SecretValue(PropertyValue.Unknown), decoded["tags"]);
        Assert.True(decoded.ContainsUnknowns);
        Assert.True(decoded.ContainsSecrets);
        Assert.Equal(original, StructCodec.Encode(decoded, allowUnknowns: true));
    }

    [Fact]
    public void NestedSecretInsideObjectInsideList_RoundTrips()
    {
        var original = Parse("""{"l": [{"a": {"@sig": "@secret", "value": {"b": [1, 2]}}}]}""");

        var decoded = StructCodec.Decode(original, allowUnknowns: false);

        Assert.Equal(original, StructCodec.Encode(decoded, allowUnknowns: false));
    }

    [Fact]
    public void MakeSecret_DoesNotDoubleWrap()
    {
        var once = PropertyValue.MakeSecret(PropertyValue.From("x"));

        Assert.Same(once, PropertyValue.MakeSecret(once));
    }

    [Fact]
    public void Encode_UnknownOutsidePreview_IsRejected()
    {
        var value = new ObjectValue(ObjectValue.Empty.Members.Add("status", PropertyValue.Unknown));

        var error = Assert.Throws<PropertyEncodingException>(() => StructCodec.Encode(value, allowUnknowns: false));

        Assert.Equal("status", error.PropertyPath);
    }

    [Fact]
    public void Encode_Unknown_WritesTheStringSentinel()
    {
        var value = new ObjectValue(ObjectValue.Empty.Members.Add("status", PropertyValue.Unknown));

        var encoded = StructCodec.Encode(value, allowUnknowns: true);

        Assert.Equal("04da6b54-80e4-46f7-96ec-b56ff0331ba9", encoded.Fields["status"].StringValue);
    }

    [Fact]
    public void ResourceReference_DecodesAndRoundTrips()
    {
        var original = Parse("""{"r": {"@sig": "5cf8f73096256a8f31e491e813e4eb8e", "urn": "urn:pulumi:s::p::t::n", "id": "abc", "packageVersion": "1.2.3"}}""");

        var decoded = StructCodec.Decode(original, allowUnknowns: false);

        Assert.Equal(new ResourceReferenceValue("urn:pulumi:s::p::t::n", new StringValue("abc"), "1.2.3"), decoded["r"]);
        Assert.Equal(original, StructCodec.Encode(decoded, allowUnknowns: false));
    }

    [Fact]
    public void ResourceReference_WithUnknownId_IsUnknownInPreview()
    {
        var decoded = DecodeOne("""{"@sig": "5cf8f73096256a8f31e491e813e4eb8e", "urn": "u", "id": "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "packageVersion": ""}""");

        Assert.True(decoded.ContainsUnknowns);
    }

    [Fact]
    public void AssetAndArchive_DecodeWithoutCrashingAndRoundTrip()
    {
        var original = Parse("""
            {"asset": {"@sig": "c44067f5952c0a294b673a41bacd8c17", "hash": "h1", "text": "hello"},
             "archive": {"@sig": "0def7320c3a5731c473e5ecbe6d01bc7", "hash": "h2",
                         "assets": {"a.txt": {"@sig": "c44067f5952c0a294b673a41bacd8c17", "hash": "h3", "path": "a.txt"}}}}
            """);

        var decoded = StructCodec.Decode(original, allowUnknowns: false);

        Assert.Equal(new AssetValue("h1", "hello", null, null), decoded["asset"]);
        Assert.IsType<ArchiveValue>(decoded["archive"]);
        Assert.Equal(original, StructCodec.Encode(decoded, allowUnknowns: false));
    }

    [Fact]
    public void OutputValue_DecodesToItsValue_KeepingSecretness()
    {
        Assert.Equal(new StringValue("v"), DecodeOne("""{"@sig": "@output", "value": "v", "dependencies": ["urn:x"]}"""));
        Assert.Equal(new SecretValue(new StringValue("v")), DecodeOne("""{"@sig": "@output", "value": "v", "secret": true}"""));
        Assert.Equal(PropertyValue.Unknown, DecodeOne("""{"@sig": "@output"}"""));
    }

    [Fact]
    public void Decode_UnrecognisedSignature_IsAClearError()
    {
        var error = Assert.Throws<PropertyEncodingException>(() => DecodeOne("""{"@sig": "not-a-kind"}"""));

        Assert.Contains("not-a-kind", error.Message);
        Assert.Equal("v", error.PropertyPath);
    }
}
