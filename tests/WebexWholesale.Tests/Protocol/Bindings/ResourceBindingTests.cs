using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Moq;
using Pulumirpc;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Protocol.Bindings;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.WholesaleCustomer;

namespace WebexWholesale.Tests.Protocol.Bindings;

/// <summary>The binding layer on its own: wire messages in, wire messages out, around a real or a mocked resource.</summary>
public class ResourceBindingTests
{
    private const string SecretSig = "1b47061264138c4ac30d75fd1eb44270";
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string Urn = "urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleCustomer::acme";

    private static readonly ResourceContext Offline = new(Urn, "acme", Provider: null, Mock.Of<IResourceLog>(), TimeProvider.System, CancellationToken.None);

    private static string Secret(string json) => $$"""{"4dabf18193072939515e22adb298388d": "{{SecretSig}}", "value": {{json}}}""";

    private static Struct Customer(string packages = """["webex_meetings"]""", string externalId = "\"acme\"") => Struct.Parser.ParseJson($$$"""
        {"provisioningId": "template-1", "externalId": {{{externalId}}}, "packages": {{{packages}}},
         "address": {"addressLine1": "1 Main St", "city": "Springfield", "country": "US"},
         "customerInfo": {"name": "Acme", "primaryEmail": "it@acme.test"}}
        """);

    private static ResourceBinding<WholesaleCustomerInputs, WholesaleCustomerOutputs> Real() => new(new WholesaleCustomerResource());

    [Fact]
    public async Task Check_OfAWronglyTypedProperty_IsACheckFailureNamingIt()
    {
        var response = await Real().CheckAsync(new CheckRequest { Urn = Urn, News = Customer(externalId: "42") }, Offline);

        var failure = Assert.Single(response.Failures);
        Assert.Equal("externalId", failure.Property);
        Assert.Contains("a string", failure.Reason);
    }

    [Fact]
    public async Task Check_SortingASecretPackage_KeepsTheWholeListSecret()
    {
        var news = Customer(packages: $"""[{Secret("\"webex_meetings\"")}, "common_area_calling"]""");
        news.Fields.Remove("customerInfo");
        news.Fields["orgId"] = Value.ForString("org-1");

        var response = await Real().CheckAsync(new CheckRequest { Urn = Urn, News = news }, Offline);

        var packages = response.Inputs.Fields["packages"];
        Assert.Equal(SecretSig, packages.StructValue.Fields["4dabf18193072939515e22adb298388d"].StringValue);
        var names = packages.StructValue.Fields["value"].ListValue.Values.Select(v => v.StringValue);
        Assert.Equal(["common_area_calling", "webex_meetings"], names); // sorted, and no element in clear outside the secret
    }

    [Fact]
    public async Task Check_KeepsUnknownsWhereTheyWere()
    {
        var response = await Real().CheckAsync(new CheckRequest { Urn = Urn, News = Customer(externalId: $"\"{Unknown}\"") }, Offline);

        Assert.Empty(response.Failures);
        Assert.Equal(Unknown, response.Inputs.Fields["externalId"].StringValue);
    }

    [Fact]
    public async Task PreviewCreate_LeavesWebexReportedOutputsUnknown_AndSecretInputsSecret()
    {
        var properties = Customer(externalId: Secret("\"acme\""));

        var response = await Real().CreateAsync(new CreateRequest { Urn = Urn, Properties = properties, Preview = true }, Offline);

        Assert.Equal(Unknown, response.Properties.Fields["status"].StringValue);
        Assert.Equal(SecretSig, response.Properties.Fields["externalId"].StructValue.Fields["4dabf18193072939515e22adb298388d"].StringValue);
    }

    [Fact]
    public async Task Read_OfAnUnknownOrGoneResource_IsAnEmptyId()
    {
        var resource = Mocked();
        resource.Setup(r => r.ReadAsync("gone", It.IsAny<WholesaleCustomerInputs?>(), It.IsAny<WholesaleCustomerState?>(), It.IsAny<ResourceContext>()))
            .ReturnsAsync((ReadResult<WholesaleCustomerInputs, WholesaleCustomerOutputs>?)null);

        var response = await new ResourceBinding<WholesaleCustomerInputs, WholesaleCustomerOutputs>(resource.Object)
            .ReadAsync(new ReadRequest { Id = "gone", Urn = Urn }, Offline);

        Assert.Equal("", response.Id);
    }

    [Fact]
    public async Task Read_KeepsSecretInputsSecret_InStateAndInputs()
    {
        var resource = Mocked();
        var inputs = new WholesaleCustomerInputs { ExternalId = "acme", SubPartnerAdminEmail = "admin@sub.test" };
        resource.Setup(r => r.ReadAsync("c1", It.IsAny<WholesaleCustomerInputs?>(), It.IsAny<WholesaleCustomerState?>(), It.IsAny<ResourceContext>()))
            .ReturnsAsync(new ReadResult<WholesaleCustomerInputs, WholesaleCustomerOutputs>("c1",
                new WholesaleCustomerState(inputs, new WholesaleCustomerOutputs { Status = "provisioned" }), inputs));
        var oldInputs = Struct.Parser.ParseJson($$"""{"externalId": "acme", "subPartnerAdminEmail": {{Secret("\"admin@sub.test\"")}}}""");

        var response = await new ResourceBinding<WholesaleCustomerInputs, WholesaleCustomerOutputs>(resource.Object)
            .ReadAsync(new ReadRequest { Id = "c1", Urn = Urn, Inputs = oldInputs, Properties = oldInputs }, Offline);

        Assert.Equal(Value.KindOneofCase.StructValue, response.Inputs.Fields["subPartnerAdminEmail"].KindCase);
        Assert.Equal(Value.KindOneofCase.StructValue, response.Properties.Fields["subPartnerAdminEmail"].KindCase);
        Assert.Equal("provisioned", response.Properties.Fields["status"].StringValue); // outputs merged into the flat state
    }

    [Fact]
    public async Task Create_ThatDidNotFinish_IsResourceInitFailedWithIdAndState()
    {
        var resource = Mocked();
        var state = new WholesaleCustomerState(new WholesaleCustomerInputs { ExternalId = "acme" }, new WholesaleCustomerOutputs { Status = "error" });
        resource.Setup(r => r.CreateAsync(It.IsAny<WholesaleCustomerInputs>(), It.IsAny<TimeSpan?>(), It.IsAny<ResourceContext>()))
            .ThrowsAsync(new ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>("c1", state, ["Webex reports error"]));

        var error = await Assert.ThrowsAsync<RpcException>(() => new ResourceBinding<WholesaleCustomerInputs, WholesaleCustomerOutputs>(resource.Object)
            .CreateAsync(new CreateRequest { Urn = Urn, Properties = Customer() }, Offline));

        var details = Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes(ProviderErrors.StatusDetailsTrailer));
        var detail = details.Details.Single().Unpack<ErrorResourceInitFailed>();
        Assert.Equal("c1", detail.Id);
        Assert.Equal("error", detail.Properties.Fields["status"].StringValue);
        Assert.Equal(["Webex reports error"], detail.Reasons);
    }

    [Fact]
    public async Task Update_WithoutOldState_IsInvalidArgument_NotACrash()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Real().UpdateAsync(new UpdateRequest { Urn = Urn, Id = "c1", News = Customer() }, Offline));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private static Mock<ICustomResource<WholesaleCustomerInputs, WholesaleCustomerOutputs>> Mocked()
    {
        var resource = new Mock<ICustomResource<WholesaleCustomerInputs, WholesaleCustomerOutputs>>();
        resource.SetupGet(r => r.Token).Returns(WholesaleCustomerResource.TypeToken);
        resource.SetupGet(r => r.InputsType).Returns(WholesaleCustomerJson.Default.WholesaleCustomerInputs);
        resource.SetupGet(r => r.OutputsType).Returns(WholesaleCustomerJson.Default.WholesaleCustomerOutputs);
        resource.Setup(r => r.Validate(It.IsAny<WholesaleCustomerInputs>(), It.IsAny<WholesaleCustomerInputs?>())).Returns([]);
        return resource;
    }
}
