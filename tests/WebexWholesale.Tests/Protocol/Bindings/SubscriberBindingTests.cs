using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Moq;
using Pulumirpc;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Protocol.Bindings;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Tests.Protocol.Bindings;

/// <summary>
/// What the engine may send a subscriber that Check never saw (null list elements, missing inputs at Create and
/// Update), and secrets: a value the engine sent as secret is <c>[secret]</c> in every message the call writes.
/// </summary>
public class SubscriberBindingTests
{
    private const string SecretSig = "1b47061264138c4ac30d75fd1eb44270";
    private const string Urn = "urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleSubscriber::ann";
    private const string Email = "ann.secret@example.test";

    private static ResourceContext Offline(IResourceLog? log = null) =>
        new(Urn, "ann", Provider: null, log ?? Mock.Of<IResourceLog>(), TimeProvider.System, CancellationToken.None);

    private static Struct Subscriber(string packages = """["webex_meetings"]""", string email = $"\"{Email}\"") => Struct.Parser.ParseJson($$"""
        {"customerId": "Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzE", "email": {{email}}, "packages": {{packages}}}
        """);

    private static string Secret(string json) => $$"""{"4dabf18193072939515e22adb298388d": "{{SecretSig}}", "value": {{json}}}""";

    private static ResourceBinding<WholesaleSubscriberInputs, WholesaleSubscriberOutputs> Real() => new(new WholesaleSubscriberResource());

    [Fact]
    public async Task Check_WithANullPackage_IsACheckFailureAtItsIndex_NotInternal()
    {
        var response = await Real().CheckAsync(new CheckRequest { Urn = Urn, News = Subscriber("""["webex_meetings", null]""") }, Offline());

        var failure = Assert.Single(response.Failures);
        Assert.Equal("packages[1]", failure.Property);
    }

    [Theory]
    [InlineData("{}", "customerId: is required")]
    [InlineData("""{"customerId": "Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzE", "packages": ["webex_meetings"]}""", "email: is required")]
    [InlineData("""{"customerId": "Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzE", "email": "a@example.test", "packages": ["webex_meetings", null]}""", "packages[1]: is null")]
    public async Task Create_WithoutCheck_AndInputsThatCannotBeWritten_IsInvalidArgumentNamingTheProperty(string properties, string says)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Real().CreateAsync(new CreateRequest { Urn = Urn, Properties = Struct.Parser.ParseJson(properties) }, Offline()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(says, error.Status.Detail);
    }

    [Fact]
    public async Task Update_WithoutCheck_AndNoEmail_IsInvalidArgument()
    {
        var olds = Subscriber();
        var news = Subscriber();
        news.Fields.Remove("email");

        var error = await Assert.ThrowsAsync<RpcException>(() => Real().UpdateAsync(
            new UpdateRequest { Urn = Urn, Id = "c3Vic2NyaWJlcg", Olds = olds, OldInputs = olds, News = news }, Offline()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("email: is required", error.Status.Detail);
    }

    [Fact]
    public async Task ASecretEmail_IsHiddenInCheckFailures()
    {
        var response = await Real().CheckAsync(new CheckRequest { Urn = Urn, News = Subscriber(email: Secret("\"ann.secret@@example.test\"")) }, Offline());

        var failure = Assert.Single(response.Failures);
        Assert.Contains(SecretText.Shown, failure.Reason);
        Assert.DoesNotContain("ann.secret", failure.Reason);
    }

    [Fact]
    public async Task ASecretEmail_IsHiddenInErrors_LogLines_AndPartialFailures_WhateverCaseWebexEchoesItIn()
    {
        var logged = new List<string>();
        var log = new Mock<IResourceLog>();
        log.Setup(l => l.WarningAsync(It.IsAny<string>())).Callback<string>(logged.Add).Returns(Task.CompletedTask);
        log.Setup(l => l.InfoAsync(It.IsAny<string>())).Callback<string>(logged.Add).Returns(Task.CompletedTask);
        var resource = Mocked();
        resource.Setup(r => r.CreateAsync(It.IsAny<WholesaleSubscriberInputs>(), It.IsAny<TimeSpan?>(), It.IsAny<ResourceContext>()))
            .Returns<WholesaleSubscriberInputs, TimeSpan?, ResourceContext>(async (inputs, _, context) =>
            {
                await context.Log.WarningAsync($"looking up {inputs.Email}");
                await context.Log.InfoAsync($"Webex says {inputs.Email!.ToUpperInvariant()} is taken");
                throw new WebexApiException("provision", inputs.Email, "subscriber", HttpStatusCode.Forbidden, null, "T1");
            });
        var binding = new ResourceBinding<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(resource.Object);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            binding.CreateAsync(new CreateRequest { Urn = Urn, Properties = Subscriber(email: Secret($"\"{Email}\"")) }, Offline(log.Object)));

        Assert.Equal(ProviderErrorKind.PermissionDenied, error.Kind);
        Assert.All(logged.Append(error.Message), message =>
        {
            Assert.Contains(SecretText.Shown, message);
            Assert.DoesNotContain("ann.secret", message, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task ASecretEmail_IsHiddenInTheReasonsOfAPartialFailure()
    {
        var resource = Mocked();
        var state = new ResourceState<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(new WholesaleSubscriberInputs { Email = Email }, new WholesaleSubscriberOutputs());
        resource.Setup(r => r.CreateAsync(It.IsAny<WholesaleSubscriberInputs>(), It.IsAny<TimeSpan?>(), It.IsAny<ResourceContext>()))
            .ThrowsAsync(new ResourceInitFailedException<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>("s1", state, [$"timed out provisioning {Email}"]));
        var binding = new ResourceBinding<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(resource.Object);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            binding.CreateAsync(new CreateRequest { Urn = Urn, Properties = Subscriber(email: Secret($"\"{Email}\"")) }, Offline()));

        Assert.Equal($"timed out provisioning {SecretText.Shown}", error.Status.Detail);
        var detail = Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes(ProviderErrors.StatusDetailsTrailer)).Details.Single().Unpack<ErrorResourceInitFailed>();
        Assert.Equal([$"timed out provisioning {SecretText.Shown}"], detail.Reasons);
        Assert.Equal(SecretSig, detail.Properties.Fields["email"].StructValue.Fields["4dabf18193072939515e22adb298388d"].StringValue); // kept, as a secret
    }

    [Fact]
    public void ALongSecret_IsHiddenAlsoWhereAMessageShortenedIt()
    {
        var secret = new string('s', 70) + "@example.test";
        var text = new SecretText([secret]);

        Assert.Equal($"'{SecretText.Shown}' is not valid", text.Redact($"'{Echo.Of(secret)}' is not valid"));
        Assert.Equal("country US", new SecretText(["US"]).Redact("country US")); // too short to hide without garbling every message
    }

    [Fact]
    public async Task AFilterLongerThanAnyWebexValue_IsRefusedAtOnce_BeforeAnyRequest()
    {
        var binding = new FunctionBinding<Provider.Resources.Functions.GetWholesaleSubscribersArgs, Provider.Resources.Functions.GetWholesaleSubscribersResult>(
            new Provider.Resources.Functions.GetWholesaleSubscribers());
        var args = new Struct { Fields = { ["email"] = Value.ForString(new string('a', 5_000_000) + "@example.test") } };

        // Offline: had it reached Webex, it would have failed as "not configured" instead.
        var response = await binding.InvokeAsync(new InvokeRequest { Tok = binding.Token, Args = args }, Offline());

        var failure = Assert.Single(response.Failures);
        Assert.Equal("email", failure.Property);
        Assert.Contains("longer than 1,024 characters", failure.Reason);
    }

    private static Mock<Provider.Resources.ICustomResource<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>> Mocked()
    {
        var resource = new Mock<Provider.Resources.ICustomResource<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>>();
        resource.SetupGet(r => r.Token).Returns(WholesaleSubscriberResource.TypeToken);
        resource.SetupGet(r => r.InputsType).Returns(WholesaleSubscriberJson.Default.WholesaleSubscriberInputs);
        resource.SetupGet(r => r.OutputsType).Returns(WholesaleSubscriberJson.Default.WholesaleSubscriberOutputs);
        resource.Setup(r => r.Validate(It.IsAny<WholesaleSubscriberInputs>(), It.IsAny<WholesaleSubscriberInputs?>())).Returns([]);
        return resource;
    }
}
