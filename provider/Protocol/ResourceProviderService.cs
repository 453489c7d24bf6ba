using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;
using WebexWholesale.Provider.Protocol.Engine;
using WebexWholesale.Provider.Protocol.Bindings;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol;

/// <summary>
/// The <c>pulumirpc.ResourceProvider</c> service. Provider-level RPCs are answered here; resource RPCs are routed by
/// type token to their <see cref="IResourceBinding"/>.
/// </summary>
public sealed class ResourceProviderService(ProviderSession session, EngineLogger engine, Lazy<ResourceRegistry> resources, TimeProvider time)
    : ResourceProvider.ResourceProviderBase
{
    public override Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context)
    {
        if (!string.IsNullOrEmpty(request.EngineAddress))
        {
            engine.Connect(request.EngineAddress);
        }

        // The same flags as Configure answers: the engine requires the two to agree.
        return Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = true, AcceptOutputs = false });
    }

    public override Task<Empty> Attach(PluginAttach request, ServerCallContext context)
    {
        engine.Connect(request.Address);
        return Task.FromResult(new Empty());
    }

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = ProviderSession.Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        Task.FromResult(new GetSchemaResponse { Schema = SchemaDocument.Json });

    public override Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context) =>
        ProviderConfigBinding.CheckAsync(request, engine.ForResource(request.Urn));

    public override Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context) =>
        Task.FromResult(ProviderConfigBinding.Diff(request));

    public override Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context) =>
        Task.FromResult(ProviderConfigBinding.Configure(request, session));

    public override async Task<InvokeResponse> Invoke(InvokeRequest request, ServerCallContext context)
    {
        var function = resources.Value.ResolveFunction(request.Tok);
        return await RunAsync("", function.Token, context, call => function.InvokeAsync(request, call));
    }

    public override Task<CheckResponse> Check(CheckRequest request, ServerCallContext context) =>
        WithCall(request.Type, request.Urn, request.Name, context, (binding, call) => binding.CheckAsync(request, call));

    public override Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context) =>
        WithCall(request.Type, request.Urn, request.Name, context, (binding, call) => binding.DiffAsync(request, call));

    public override Task<CreateResponse> Create(CreateRequest request, ServerCallContext context) =>
        WithCall(request.Type, request.Urn, request.Name, context, (binding, call) => binding.CreateAsync(request, call));

    public override Task<ReadResponse> Read(ReadRequest request, ServerCallContext context) =>
        WithCall(request.Type, request.Urn, request.Name, context, (binding, call) => binding.ReadAsync(request, call));

    public override Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context) =>
        WithCall(request.Type, request.Urn, request.Name, context, (binding, call) => binding.UpdateAsync(request, call));

    public override Task<Empty> Delete(DeleteRequest request, ServerCallContext context) =>
        WithCall(request.Type, request.Urn, request.Name, context, async (binding, call) =>
        {
            await binding.DeleteAsync(request, call);
            return new Empty();
        });

    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        session.Cancel();
        return Task.FromResult(new Empty());
    }

    public override Task<GetMappingResponse> GetMapping(GetMappingRequest request, ServerCallContext context) =>
        Task.FromResult(new GetMappingResponse());

    public override Task<GetMappingsResponse> GetMappings(GetMappingsRequest request, ServerCallContext context) =>
        Task.FromResult(new GetMappingsResponse());

    private async Task<T> WithCall<T>(string type, string urn, string name, ServerCallContext context, Func<IResourceBinding, ResourceContext, Task<T>> run)
    {
        var binding = resources.Value.Resolve(type, urn);
        return await RunAsync(urn, string.IsNullOrEmpty(name) ? ResourceRegistry.NameFromUrn(urn) : name, context, call => run(binding, call));
    }

    /// <summary>Runs a call with the configured provider and a token that the engine's Cancel also cancels.</summary>
    private async Task<T> RunAsync<T>(string urn, string name, ServerCallContext context, Func<ResourceContext, Task<T>> run)
    {
        using var cancellation = session.LinkCall(context.CancellationToken);
        return await run(new ResourceContext(urn, name, session.Provider, engine.ForResource(urn), time, cancellation.Token));
    }
}
