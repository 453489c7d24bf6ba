using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pulumirpc;
using WebexWholesale.Provider.Hosting;

namespace WebexWholesale.Tests.Fuzz;

/// <summary>
/// Generated inputs for every resource sent as the engine's bytes arrive: serialized requests (and a share of them
/// with bytes flipped) over HTTP/2 to the plugin's own gRPC host, through its request parser, binding, codec,
/// validation and error interceptor. Check, Diff, Create (preview and not, which also reaches the write validation)
/// and Update; every answer is counted by status, and no INTERNAL or UNKNOWN may come back. The provider is left
/// unconfigured, so nothing reaches Webex. FUZZ_ITERATIONS sets the inputs per resource (make soak: 100,000).
/// </summary>
public sealed partial class GeneratedInputTests
{
    private const string SubscriberUrn = "urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleSubscriber::fuzz";

    private static readonly string[] SubscriberKeys =
    [
        "customerId", "email", "packages", "provisioningParameters", "firstName", "lastName", "primaryPhoneNumber", "extension", "locationId",
        "onBehalfOfSubPartnerOrgId", "", "é", "a.b", "[0]", "\"",
    ];

    private const string ReportUrn = "urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleBillingReport::fuzz";

    private static readonly string[] ReportKeys = ["billingStartDate", "billingEndDate", "type", "subPartnerOrgId", "", "\u00e9", "a.b", "\""];

    /// <summary>Dates a program may send: real and impossible days, other notations, other digits, direction marks.</summary>
    private static readonly string[] Dates =
    [
        "2024-02-29", "2023-02-29", "2026-1-1", "2026-11-01T00:00:00Z", "\uFF12\uFF10\uFF12\uFF16-11-01", "0000-01-01", "9999-12-31", "", " 2026-11-01",
        "2026-11-01\u202E", "2026/11/01", "-2026-11-01",
    ];

    private static readonly string[] Emails =
    [
        "ann@example.test", "ann@example.test\n", "a\u200Bnn@example.test", "\u212Aate@example.test", "a@b..c", "@", "ann@", new string('a', 65) + "@x.test",
        "\u202Eann@example.test", "ann\u0000@example.test", "ANN@EXAMPLE.TEST", "ann@example.test ",
    ];

    [Fact]
    public async Task GeneratedInputs_ThroughTheGrpcParser_ForCustomersAndSubscribers_NeverGetInternalOrUnknown()
    {
        await using var app = PluginHost.Build(PluginArguments.Parse([]), TextWriter.Null);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
        var invoker = channel.CreateCallInvoker();
        // make test sends 2,000 per resource (8,000 calls each, about 10 s); make soak sends FUZZ_ITERATIONS per resource.
        var perResource = Environment.GetEnvironmentVariable("FUZZ_ITERATIONS") is null ? 2_000 : (int)Iterations;

        var statuses = new ConcurrentDictionary<string, int>();
        var unexpected = new ConcurrentQueue<string>();
        foreach (var (resource, urn, type, generate) in new (string, string, string, Func<Random, Struct>)[]
                 {
                     ("customer", Urn, "webex-wholesale:index:WholesaleCustomer", RandomStruct),
                     ("subscriber", SubscriberUrn, "webex-wholesale:index:WholesaleSubscriber", RandomSubscriber),
                     ("report", ReportUrn, "webex-wholesale:index:WholesaleBillingReport", RandomReport),
                 })
        {
            await Parallel.ForAsync(0, perResource, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (seed, _) =>
            {
                var random = new Random(seed * 7919 + resource.Length);
                var news = generate(random);
                var olds = generate(random);
                foreach (var (rpc, request) in Requests(urn, type, news, olds, random))
                {
                    var payload = request.ToByteArray();
                    if (random.Next(20) == 0)
                    {
                        payload = Flipped(payload, random);
                    }

                    var code = await CallAsync(invoker, rpc, payload);
                    statuses.AddOrUpdate($"{resource} {code}", 1, (_, n) => n + 1);
                    if (code.Status is StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded)
                    {
                        unexpected.Enqueue($"{resource} {rpc} (seed {seed}): {code.Status}: {code.Detail}");
                    }
                    else if (code.Status != StatusCode.OK)
                    {
                        AssertReadable(code.Detail);
                    }
                }
            });
        }

        var report = string.Join(", ", statuses.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"\"{pair.Key}\": {pair.Value}"));
        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, $"{{\"inputsPerResource\": {perResource}, \"callsByStatus\": {{{report}}}, \"internalOrUnknown\": {unexpected.Count}}}\n");
        }

        Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected.Take(10)));
        Assert.Contains(statuses.Keys, key => key.StartsWith("subscriber OK", StringComparison.Ordinal));
        Assert.Contains(statuses.Keys, key => key.StartsWith("subscriber InvalidArgument", StringComparison.Ordinal));
        Assert.Contains(statuses.Keys, key => key.StartsWith("report OK", StringComparison.Ordinal));
        Assert.Contains(statuses.Keys, key => key.StartsWith("report InvalidArgument", StringComparison.Ordinal));
    }

    private sealed record Answer(StatusCode Status, string Detail)
    {
        public override string ToString() => Status.ToString();
    }

    private static async Task<Answer> CallAsync(CallInvoker invoker, string rpc, byte[] payload)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, "pulumirpc.ResourceProvider", rpc, Bytes, Bytes);
        try
        {
            using var call = invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), payload);
            await call.ResponseAsync;
            return new Answer(StatusCode.OK, "");
        }
        catch (RpcException error)
        {
            return new Answer(error.StatusCode, error.Status.Detail);
        }
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    private static IEnumerable<(string Rpc, IMessage Request)> Requests(string urn, string type, Struct news, Struct olds, Random random)
    {
        yield return ("Check", new CheckRequest { Urn = urn, Type = type, Name = "fuzz", News = news, Olds = random.Next(3) == 0 ? olds : new Struct() });
        yield return ("Diff", new DiffRequest { Urn = urn, Type = type, Name = "fuzz", Id = "c3Vic2NyaWJlcg", Olds = olds, OldInputs = olds, News = news });
        yield return ("Create", new CreateRequest { Urn = urn, Type = type, Name = "fuzz", Properties = news, Preview = random.Next(2) == 0 });
        yield return ("Update", new UpdateRequest { Urn = urn, Type = type, Name = "fuzz", Id = "c3Vic2NyaWJlcg", Olds = olds, OldInputs = olds, News = news, Preview = random.Next(2) == 0 });
    }

    /// <summary>A few bytes changed: what a broken or hostile client would send.</summary>
    private static byte[] Flipped(byte[] payload, Random random)
    {
        var copy = (byte[])payload.Clone();
        for (var i = random.Next(1, 4); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    /// <summary>Mostly a valid subscriber with a few subtrees replaced (null package elements among them); sometimes pure noise.</summary>
    private static Struct RandomSubscriber(Random random)
    {
        if (random.Next(10) == 0)
        {
            return RandomValue(random, 0).StructValue ?? new Struct();
        }

        var subscriber = Struct.Parser.ParseJson("""
            {"customerId": "Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzE", "email": "ann@example.test", "packages": ["webex_calling", "attendant_console"],
             "provisioningParameters": {"firstName": "Ann", "lastName": "Lee", "extension": "1001"}}
            """);
        for (var mutations = random.Next(4); mutations > 0; mutations--)
        {
            switch (random.Next(6))
            {
                case 0:
                    subscriber.Fields["email"] = Value.ForString(Emails[random.Next(Emails.Length)]);
                    break;
                case 1:
                    var element = random.Next(2) == 0 ? Value.ForNull() : RandomValue(random, 1);
                    if (subscriber.Fields.TryGetValue("packages", out var packages) && packages.KindCase == Value.KindOneofCase.ListValue)
                    {
                        packages.ListValue.Values.Add(element);
                    }
                    else
                    {
                        subscriber.Fields["packages"] = Value.ForList(Value.ForString("webex_meetings"), element);
                    }

                    break;
                case 2:
                    subscriber.Fields[SubscriberKeys[random.Next(SubscriberKeys.Length)]] = RandomValue(random, 1);
                    break;
                default:
                    Mutate(subscriber, random);
                    break;
            }
        }

        return subscriber;
    }

    /// <summary>Mostly a valid report with dates, type or other members replaced (null among them); sometimes pure noise.</summary>
    private static Struct RandomReport(Random random)
    {
        if (random.Next(10) == 0)
        {
            return RandomValue(random, 0).StructValue ?? new Struct();
        }

        var report = Struct.Parser.ParseJson("""{"billingStartDate": "2026-11-01", "billingEndDate": "2026-11-30", "type": "CUSTOMER"}""");
        for (var mutations = random.Next(4); mutations > 0; mutations--)
        {
            var key = ReportKeys[random.Next(ReportKeys.Length)];
            report.Fields[key] = random.Next(4) switch
            {
                0 => Value.ForString(Dates[random.Next(Dates.Length)]),
                1 => Value.ForString(random.Next(2) == 0 ? "user" : "USER\u0000"),
                2 => Value.ForNull(),
                _ => RandomValue(random, 1),
            };
        }

        return report;
    }
}
