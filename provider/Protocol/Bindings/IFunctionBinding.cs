using Pulumirpc;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.Bindings;

/// <summary>What the service routes an Invoke to, by function token.</summary>
public interface IFunctionBinding
{
    string Token { get; }
    Task<InvokeResponse> InvokeAsync(InvokeRequest request, ResourceContext context);
}
