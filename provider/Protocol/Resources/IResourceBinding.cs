using Pulumirpc;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.ProviderConfig;

namespace WebexWholesale.Provider.Protocol.Resources;

/// <summary>
/// What the gRPC service routes a resource call to, by type token: the wire messages in, the wire messages out. A
/// binding decodes them into the resource's typed model and encodes the results.
/// </summary>
public interface IResourceBinding
{
    string Token { get; }

    Task<CheckResponse> CheckAsync(CheckRequest request, ResourceCall call);
    Task<DiffResponse> DiffAsync(DiffRequest request, ResourceCall call);
    Task<CreateResponse> CreateAsync(CreateRequest request, ResourceCall call);
    Task<ReadResponse> ReadAsync(ReadRequest request, ResourceCall call);
    Task<UpdateResponse> UpdateAsync(UpdateRequest request, ResourceCall call);
    Task DeleteAsync(DeleteRequest request, ResourceCall call);
}

/// <summary>
/// What a resource call may use besides its request: the provider settings and Webex connection (null until Configure,
/// and never set when the configuration has unknown values), the operation's log, the clock, and a token cancelled by
/// the engine's Cancel, the client going away or the plugin shutting down.
/// </summary>
public sealed record ResourceCall(ProviderSettings? Settings, WebexConnection? Webex, IResourceLog Log, TimeProvider Time, CancellationToken Cancellation);
