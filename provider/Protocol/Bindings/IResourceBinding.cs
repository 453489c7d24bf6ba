using Pulumirpc;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.Bindings;

/// <summary>
/// What the gRPC service routes a resource call to, by type token: the wire messages in, the wire messages out. A
/// binding decodes them into the resource's typed model and encodes the results.
/// </summary>
public interface IResourceBinding
{
    string Token { get; }

    Task<CheckResponse> CheckAsync(CheckRequest request, ResourceContext context);
    Task<DiffResponse> DiffAsync(DiffRequest request, ResourceContext context);
    Task<CreateResponse> CreateAsync(CreateRequest request, ResourceContext context);
    Task<ReadResponse> ReadAsync(ReadRequest request, ResourceContext context);
    Task<UpdateResponse> UpdateAsync(UpdateRequest request, ResourceContext context);
    Task DeleteAsync(DeleteRequest request, ResourceContext context);
}
