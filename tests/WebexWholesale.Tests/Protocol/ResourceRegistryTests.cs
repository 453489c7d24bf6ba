using Grpc.Core;
using Moq;
using WebexWholesale.Provider.Protocol.Bindings;

namespace WebexWholesale.Tests.Protocol;

public class ResourceRegistryTests
{
    [Theory]
    [InlineData("urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleCustomer::acme", "webex-wholesale:index:WholesaleCustomer")]
    [InlineData("urn:pulumi:dev::fleet::my:module:Fleet$webex-wholesale:index:WholesaleCustomer::acme", "webex-wholesale:index:WholesaleCustomer")]
    public void TypeFromUrn_TakesTheLastTypeOfTheChain(string urn, string expected) =>
        Assert.Equal(expected, ResourceRegistry.TypeFromUrn(urn));

    [Fact]
    public void Resolve_ByTypeOrByUrn()
    {
        var binding = new Mock<IResourceBinding>();
        binding.SetupGet(b => b.Token).Returns("webex-wholesale:index:WholesaleCustomer");
        var sut = new ResourceRegistry([binding.Object]);

        Assert.Same(binding.Object, sut.Resolve("webex-wholesale:index:WholesaleCustomer", ""));
        Assert.Same(binding.Object, sut.Resolve("", "urn:pulumi:dev::p::webex-wholesale:index:WholesaleCustomer::c"));
    }

    [Fact]
    public void Resolve_UnknownToken_ListsTheKnownOnes()
    {
        var binding = new Mock<IResourceBinding>();
        binding.SetupGet(b => b.Token).Returns("webex-wholesale:index:WholesaleCustomer");
        var sut = new ResourceRegistry([binding.Object]);

        var error = Assert.Throws<RpcException>(() => sut.Resolve("webex-wholesale:index:Customer", ""));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("'webex-wholesale:index:Customer'", error.Status.Detail);
        Assert.Contains("webex-wholesale:index:WholesaleCustomer", error.Status.Detail);
    }
}
