using System.Text.Json.Serialization;
using Google.Protobuf.WellKnownTypes;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;
using StringValue = WebexWholesale.Provider.Protocol.PropertyValues.StringValue;

namespace WebexWholesale.Tests.Protocol.PropertyValues;

public sealed record SampleAddress
{
    public string? Line1 { get; init; }
    public string? Country { get; init; }
}

public sealed record SampleInputs
{
    public string? Name { get; init; }
    public int? Limit { get; init; }
    public double? Ratio { get; init; }
    public bool? Enabled { get; init; }
    public SampleAddress? Address { get; init; }
    public IReadOnlyList<string>? Packages { get; init; }
    public IReadOnlyDictionary<string, int>? Limits { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SampleInputs))]
internal sealed partial class SampleJson : JsonSerializerContext;

public class TypedCodecTests
{
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    /// <summary>Parses JSON written with placeholders: @unknown, and "@secret( VALUE }" for a secret-wrapped value.</summary>
    private static ObjectValue Props(string json) => StructCodec.Decode(Struct.Parser.ParseJson(json
        .Replace("@unknown", Unknown)
        .Replace("@secret(", """{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": """)
), allowUnknowns: true);

    private static Decoded<SampleInputs> Decode(string json) => TypedCodec.Decode(Props(json), SampleJson.Default.SampleInputs);

    [Fact]
    public void Decode_MapsEveryKindToTheRecord()
    {
        var sut = Decode("""
            {"name": "n", "limit": 50, "ratio": 0.5, "enabled": true,
             "address": {"line1": "1 Main St", "country": "US"}, "packages": ["a", "b"], "limits": {"webex_calling": 10}}
            """);

        Assert.Equal(new SampleInputs
        {
            Name = "n", Limit = 50, Ratio = 0.5, Enabled = true, Address = new SampleAddress { Line1 = "1 Main St", Country = "US" },
            Packages = sut.Value.Packages, Limits = sut.Value.Limits,
        }, sut.Value);
        Assert.Equal(["a", "b"], sut.Value.Packages!);
        Assert.Equal(10, sut.Value.Limits!["webex_calling"]);
        Assert.True(sut.Unknowns.IsEmpty);
        Assert.True(sut.Secrets.IsEmpty);
    }

    [Fact]
    public void Decode_AbsentProperties_AreNull()
    {
        var sut = Decode("{}");

        Assert.Equal(new SampleInputs(), sut.Value);
    }

    [Fact]
    public void Decode_Unknowns_AreNullAndRememberedByPath()
    {
        var sut = Decode("""{"name": "@unknown", "address": {"country": "@unknown"}, "packages": ["a", "@unknown"]}""");

        Assert.Null(sut.Value.Name);
        Assert.Null(sut.Value.Address!.Country);
        Assert.Equal(["address.country", "name", "packages[1]"], sut.Unknowns.Paths.Order(StringComparer.Ordinal));
        Assert.True(sut.Unknowns.Covers("address.country"));
        Assert.False(sut.Unknowns.Covers("address"));
        Assert.True(sut.Unknowns.Touches("address"));
    }

    [Fact]
    public void Decode_Secrets_AreUnwrappedAndRememberedByPath()
    {
        var sut = Decode("""{"name": @secret( "s"}, "address": @secret( {"line1": "x"}}}""");

        Assert.Equal("s", sut.Value.Name);
        Assert.Equal("x", sut.Value.Address!.Line1);
        Assert.Equal(["address", "name"], sut.Secrets.Paths.Order());
        Assert.True(sut.Secrets.Covers("address.line1"));
    }

    [Fact]
    public void Decode_SecretOfUnknown_IsBothSecretAndUnknown()
    {
        var sut = Decode("""{"name": @secret( "@unknown"}}""");

        Assert.Null(sut.Value.Name);
        Assert.True(sut.Unknowns.Covers("name"));
        Assert.True(sut.Secrets.Covers("name"));
    }

    [Theory]
    [InlineData("""{"name": 5}""", "name", "must be a string")]
    [InlineData("""{"limit": "many"}""", "limit", "must be a whole number")]
    [InlineData("""{"limit": 1.5}""", "limit", "must be a whole number")]
    [InlineData("""{"enabled": "yes"}""", "enabled", "must be true or false")]
    [InlineData("""{"address": "somewhere"}""", "address", "must be an object")]
    [InlineData("""{"address": {"country": ["US"]}}""", "address.country", "must be a string")]
    [InlineData("""{"packages": "webex_calling"}""", "packages", "must be a list")]
    [InlineData("""{"packages": ["a", 2]}""", "packages[1]", "must be a string")]
    [InlineData("""{"limits": [1]}""", "limits", "must be a map")]
    public void Decode_WrongType_NamesThePropertyAndTheExpectedType(string json, string path, string reason)
    {
        var error = Assert.Throws<PropertyEncodingException>(() => Decode(json));

        Assert.Equal(path, error.PropertyPath);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Decode_ResourceReference_StandsForItsId()
    {
        var sut = Decode("""{"name": {"4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", "urn": "u", "id": "the-id", "packageVersion": ""}}""");

        Assert.Equal("the-id", sut.Value.Name);
    }

    [Fact]
    public void Decode_Asset_IsRejectedWithThePath()
    {
        var error = Assert.Throws<PropertyEncodingException>(() =>
            Decode("""{"name": {"4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17", "hash": "h", "text": "t"}}"""));

        Assert.Equal("name", error.PropertyPath);
    }

    [Fact]
    public void Encode_OmitsNulls()
    {
        var sut = TypedCodec.Encode(new SampleInputs { Name = "n" }, SampleJson.Default.SampleInputs);

        Assert.Equal(["name"], sut.Members.Keys);
    }

    [Fact]
    public void Encode_PutsSecretsBackByPath_AndIgnoresAbsentOnes()
    {
        var value = new SampleInputs { Name = "n", Address = new SampleAddress { Line1 = "l" } };

        var sut = TypedCodec.Encode(value, SampleJson.Default.SampleInputs, PropertyPathSet.Of(["address.line1", "packages"]));

        Assert.Equal(new SecretValue(new StringValue("l")), ((ObjectValue)sut["address"]!)["line1"]);
        Assert.Null(sut["packages"]);
        Assert.Equal(new StringValue("n"), sut["name"]);
    }

    [Fact]
    public void Encode_PutsUnknownsBackByPath_CreatingParents()
    {
        var sut = TypedCodec.Encode(new SampleInputs(), SampleJson.Default.SampleInputs, unknowns: PropertyPathSet.Of(["name", "address.country"]));

        Assert.Equal(PropertyValue.Unknown, sut["name"]);
        Assert.Equal(PropertyValue.Unknown, ((ObjectValue)sut["address"]!)["country"]);
    }

    [Fact]
    public void DecodeThenEncode_KeepsSecretsAndUnknownsWhereTheyWere()
    {
        var original = Props("""{"name": @secret( "s"}, "packages": ["a", "@unknown"], "address": {"country": "@unknown", "line1": "x"}}""");

        var decoded = TypedCodec.Decode(original, SampleJson.Default.SampleInputs);
        var encoded = TypedCodec.Encode(decoded.Value, SampleJson.Default.SampleInputs, decoded.Secrets, decoded.Unknowns);

        Assert.Equal(original, encoded);
    }
}
