using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pulumirpc;
using WebexWholesale.Provider.Hosting;
using WebexWholesale.Provider.Protocol;

namespace WebexWholesale.Tests.Hosting;

public class ResourceProviderMethodsTests
{
    [Fact]
    public async Task EveryRpcOfTheService_IsBoundByOurMethods()
    {
        await using var app = PluginHost.Build(PluginArguments.Parse([]), TextWriter.Null);

        var bound = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.Name)
            .OfType<string>().ToHashSet();

        Assert.Equal(ResourceProvider.Descriptor.Methods.Select(method => method.Name).Order(), bound.Order());
        Assert.IsType<ResourceProviderMethods>(Assert.Single(app.Services.GetServices<IServiceMethodProvider<ResourceProviderService>>()));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(3000)]
    public void DeepRequest_IsParsedWholeAtTheEnginesLimit(int depth)
    {
        var payload = new CheckRequest { Urn = "urn", News = Nested(depth) }.ToByteArray();

        var parsed = ResourceProviderMethods.Parse(payload, CheckRequest.Parser, "Check");

        Assert.Equal(depth, DepthOf(parsed.News));
    }

    [Fact]
    public void RequestDeeperThanTheEngineSends_IsInvalidArgumentNamingTheRpc()
    {
        var payload = new CheckRequest { News = Nested(ResourceProviderMethods.EngineRecursionLimit) }.ToByteArray();

        var error = Assert.Throws<RpcException>(() => ResourceProviderMethods.Parse(payload, CheckRequest.Parser, "Check"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("Check: the request nests values more than 10,000", error.Status.Detail);
    }

    [Fact]
    public void InvalidUtf8_IsInvalidArgumentNamingTheRpc()
    {
        // CheckRequest.urn (field 1, length-delimited) holding the lone byte 0xFF.
        byte[] payload = [0x0A, 0x01, 0xFF];

        var error = Assert.Throws<RpcException>(() => ResourceProviderMethods.Parse(payload, CheckRequest.Parser, "Check"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("not valid UTF-8", error.Status.Detail);
    }

    private static Struct Nested(int depth)
    {
        var value = new Struct { Fields = { ["leaf"] = Value.ForString("x") } };
        for (var level = 1; level < depth; level++)
        {
            value = new Struct { Fields = { ["deeper"] = Value.ForStruct(value) } };
        }

        return value;
    }

    private static int DepthOf(Struct value)
    {
        var depth = 1;
        while (value.Fields.TryGetValue("deeper", out var inner))
        {
            value = inner.StructValue;
            depth++;
        }

        return depth;
    }
}
