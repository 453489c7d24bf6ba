using Google.Protobuf.WellKnownTypes;
using Moq;
using Pulumirpc;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Tests.Protocol;

public class ProviderConfigBindingTests
{
    private const string SecretSig = "1b47061264138c4ac30d75fd1eb44270";

    [Fact]
    public async Task CheckConfig_OfAnUnreadableToken_StillReturnsItSecret()
    {
        var news = Struct.Parser.ParseJson("""{"accessToken": {"x": "canary-token-value"}}""");

        var response = await ProviderConfigBinding.CheckAsync(new CheckRequest { News = news }, Mock.Of<IResourceLog>());

        Assert.Equal("accessToken", Assert.Single(response.Failures).Property);
        var token = response.Inputs.Fields["accessToken"].StructValue.Fields;
        Assert.Equal(SecretSig, token["4dabf18193072939515e22adb298388d"].StringValue);
    }

    [Fact]
    public async Task CheckConfig_MarksTheTokenSecret_EvenWhenGivenInClear()
    {
        var news = Struct.Parser.ParseJson("""{"accessToken": "canary-token-value", "maxConcurrentRequests": "4"}""");

        var response = await ProviderConfigBinding.CheckAsync(new CheckRequest { News = news }, Mock.Of<IResourceLog>());

        Assert.Empty(response.Failures);
        Assert.Equal(Value.KindOneofCase.StructValue, response.Inputs.Fields["accessToken"].KindCase);
        Assert.Equal(4, response.Inputs.Fields["maxConcurrentRequests"].NumberValue);
    }
}
