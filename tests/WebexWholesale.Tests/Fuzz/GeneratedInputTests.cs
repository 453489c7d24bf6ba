using System.Text.RegularExpressions;
using CsCheck;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Moq;
using Pulumirpc;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Protocol.Bindings;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.WholesaleCustomer;

namespace WebexWholesale.Tests.Fuzz;

/// <summary>
/// Generated Structs (wrong types, NaN and infinities, deep nesting, huge strings, unicode, nulls, unknowns, secrets
/// and special values in odd places, most of them mutations of a valid customer) through the codec, Check and Diff, the
/// way the gRPC service runs them: behind the error interceptor. Nothing may escape unclassified, and every rejection
/// must be a check failure or InvalidArgument in words a user can read. FUZZ_ITERATIONS sets the count (make soak: 100,000).
/// </summary>
public sealed partial class GeneratedInputTests
{
    private const string SigKey = "4dabf18193072939515e22adb298388d";
    private const string Urn = "urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleCustomer::fuzz";

    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n) ? n : 10_000;

    private static readonly string[] Keys =
    [
        "provisioningId", "orgId", "externalId", "address", "customerInfo", "packages", "provisioningParameters", "subPartnerAdminEmail",
        "onBehalfOfSubPartnerOrgId", "addressLine1", "city", "country", "calling", "location", "meetings", "limits", "timezone", "name",
        "primaryEmail", "language", "status", "", "é", "a.b", "[0]", "\"",
    ];

    private static readonly string[] Specials =
    [
        "1b47061264138c4ac30d75fd1eb44270", "5cf8f73096256a8f31e491e813e4eb8e", "d0e6a833031e9bbcd3f4e8bde6ca49a4",
        "c44067f5952c0a294b673a41bacd8c17", "0def7320c3a5731c473e5ecbe6d01bc7", "not-a-signature",
    ];

    private const string Punctuation = "%@._-/\\\"'{}[]";
    private static readonly double[] OddNumbers = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 1e308, -1, 0.5, 42];
    private static readonly string[] PlausibleTexts = ["webex_meetings", "US", "en_us", "a@b.c", "Europe/Berlin", "", " "];

    [Fact]
    public void GeneratedInputs_AreCheckedAndDiffed_WithOnlyWellFormedRejections()
    {
        var binding = new ResourceBinding<WholesaleCustomerInputs, WholesaleCustomerOutputs>(new WholesaleCustomerResource());
        var interceptor = new ErrorInterceptor(TextWriter.Null);
        var context = new ResourceContext(Urn, "fuzz", Provider: null, Mock.Of<IResourceLog>(), TimeProvider.System, CancellationToken.None);
        var counts = new int[3]; // accepted, check failures, InvalidArgument

        Gen.Int[0, int.MaxValue].Select(Gen.Int[0, int.MaxValue]).Sample((newsSeed, oldsSeed) =>
        {
            var news = RandomStruct(new Random(newsSeed));
            var olds = RandomStruct(new Random(oldsSeed));

            var check = Run(interceptor, () => binding.CheckAsync(new CheckRequest { Urn = Urn, News = news, Olds = olds }, context));
            if (check is { } response)
            {
                Assert.All(response.Failures, failure => AssertReadable(failure.Reason));
                Interlocked.Increment(ref counts[response.Failures.Count == 0 ? 0 : 1]);
            }
            else
            {
                Interlocked.Increment(ref counts[2]);
            }

            Run(interceptor, () => binding.DiffAsync(new DiffRequest { Urn = Urn, Id = "c1", Olds = olds, OldInputs = olds, News = news }, context));
        }, iter: Iterations, threads: 1);

        Assert.Equal(Iterations, counts.Sum());
        Assert.True(counts[0] > 0 && counts[1] > 0, $"the generator reaches both accepted and refused inputs: {string.Join("/", counts)}");
    }

    [Fact]
    public void TheCheckCanFail_AnUnclassifiedErrorIsCaught() =>
        Assert.ThrowsAny<Exception>(() => Run<CheckResponse>(new ErrorInterceptor(TextWriter.Null), () => throw new InvalidOperationException("bug")));

    /// <summary>Runs a call behind the interceptor; null when it was refused, which must be InvalidArgument with a readable message.</summary>
    private static T? Run<T>(ErrorInterceptor interceptor, Func<Task<T>> call) where T : class
    {
        try
        {
            return interceptor.UnaryServerHandler<string, T>("", Mock.Of<ServerCallContext>(), (_, _) => call()).GetAwaiter().GetResult();
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.InvalidArgument)
        {
            AssertReadable(error.Status.Detail);
            return null;
        }
    }

    private static void AssertReadable(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.True(message.Length <= ErrorInterceptor.MaxMessageLength + 200, $"{message.Length} characters");
        Assert.DoesNotMatch(ResourceKey(), message);
    }

    // .NET's resource keys (shown when a build strips its messages) and type names: never what a user should read.
    [GeneratedRegex(@"\b(Arg|Argument|ArgumentOutOfRange|ArgumentNull|InvalidOperation|NotSupported|ObjectDisposed|IO|Serialization|Format|Overflow)_[A-Z][A-Za-z]+|\bnet_[a-z_]+|SpecialNumberValuesNotSupported|JsonRequiredPropertiesMissing|ExpectedStartOfValueNotFound|System\.[A-Z]|Exception was thrown by handler")]
    private static partial Regex ResourceKey();

    /// <summary>Mostly a valid customer with a few subtrees replaced; sometimes pure noise.</summary>
    private static Struct RandomStruct(Random random)
    {
        if (random.Next(10) == 0)
        {
            return RandomValue(random, 0).StructValue ?? new Struct();
        }

        var customer = Struct.Parser.ParseJson("""
            {"provisioningId": "template-1", "externalId": "acme", "packages": ["webex_meetings", "webex_calling"],
             "address": {"addressLine1": "1 Main St", "city": "Springfield", "country": "US"},
             "customerInfo": {"name": "Acme", "primaryEmail": "it@acme.test"},
             "provisioningParameters": {"calling": {"location": {"name": "HQ", "timezone": "America/Chicago", "language": "en_us",
               "address": {"addressLine1": "1 Main St", "city": "Springfield", "country": "US"}}}, "packages": {"limits": {"webex_calling": 5}}}}
            """);
        for (var mutations = random.Next(4); mutations > 0; mutations--)
        {
            Mutate(customer, random);
        }

        return customer;
    }

    private static void Mutate(Struct target, Random random)
    {
        var fields = target.Fields;
        var keys = fields.Keys.ToList();
        if (keys.Count > 0 && random.Next(3) > 0)
        {
            var key = keys[random.Next(keys.Count)];
            if (fields[key].KindCase == Value.KindOneofCase.StructValue && random.Next(2) == 0)
            {
                Mutate(fields[key].StructValue, random);
                return;
            }

            if (random.Next(4) == 0)
            {
                fields.Remove(key);
                return;
            }

            fields[key] = RandomValue(random, 1);
            return;
        }

        fields[Keys[random.Next(Keys.Length)]] = RandomValue(random, 1);
    }

    private static Value RandomValue(Random random, int depth) => (depth > 40 ? random.Next(8) : random.Next(16)) switch
    {
        0 => Value.ForNull(),
        1 => Value.ForBool(random.Next(2) == 0),
        2 => Value.ForNumber(OddNumbers[random.Next(OddNumbers.Length)]),
        3 => Value.ForString("04da6b54-80e4-46f7-96ec-b56ff0331ba9"),
        4 => Value.ForString(RandomText(random)),
        5 => Value.ForString(new string('x', random.Next(2) == 0 ? 100_000 : 60)),
        6 => Value.ForString(PlausibleTexts[random.Next(PlausibleTexts.Length)]),
        7 => Value.ForNumber(random.Next(-5, 100)),
        8 or 9 => Value.ForList([.. Enumerable.Range(0, random.Next(5)).Select(_ => RandomValue(random, depth + 1))]),
        10 or 11 or 12 => Value.ForStruct(RandomObject(random, depth + 1)),
        13 => Special(random, depth),
        14 => Nested(random, 20 + random.Next(30)),
        _ => Value.ForList([.. Enumerable.Range(0, random.Next(1500)).Select(i => Value.ForString($"made_up_{i}"))]),
    };

    private static Struct RandomObject(Random random, int depth)
    {
        var result = new Struct();
        for (var i = random.Next(5); i > 0; i--)
        {
            result.Fields[Keys[random.Next(Keys.Length)]] = RandomValue(random, depth);
        }

        return result;
    }

    private static Value Special(Random random, int depth)
    {
        var special = new Struct { Fields = { [SigKey] = Value.ForString(Specials[random.Next(Specials.Length)]) } };
        if (random.Next(3) > 0)
        {
            special.Fields["value"] = RandomValue(random, depth + 1);
        }

        if (random.Next(3) == 0)
        {
            special.Fields["urn"] = Value.ForString(Urn);
            special.Fields["id"] = RandomValue(random, depth + 1);
        }

        return Value.ForStruct(special);
    }

    private static Value Nested(Random random, int levels)
    {
        var value = Value.ForString("deep");
        for (var i = 0; i < levels; i++)
        {
            value = random.Next(2) == 0 ? Value.ForList([value]) : Value.ForStruct(new Struct { Fields = { ["city"] = value } });
        }

        return value;
    }

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(1, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0x00, 0x20),
                2 => (char)random.Next(0x80, 0x2FFF),
                3 => (char)random.Next(0xD800, 0xE000), // lone surrogates
                _ => Punctuation[random.Next(Punctuation.Length)],
            };
        }

        return new string(chars);
    }
}
