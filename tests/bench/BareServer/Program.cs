using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Pulumirpc;

var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc();
await using var app = builder.Build();
app.MapGrpcService<Bare>();
await app.StartAsync();
var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
await Console.Out.WriteAsync($"{port}\n");
await Console.Out.FlushAsync();
await app.WaitForShutdownAsync();

/// <summary>Answers the one call the start-up benchmark makes.</summary>
internal sealed class Bare : ResourceProvider.ResourceProviderBase
{
    public override Task<PluginInfo> GetPluginInfo(Google.Protobuf.WellKnownTypes.Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = "0.0.0" });
}
