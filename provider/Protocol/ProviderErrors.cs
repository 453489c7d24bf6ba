using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace WebexWholesale.Provider.Protocol;

/// <summary>
/// gRPC errors the engine understands. Structured details travel as a <c>google.rpc.Status</c> in the binary trailer
/// <c>grpc-status-details-bin</c>, gRPC's rich error model, which is where the engine looks for them.
/// </summary>
public static class ProviderErrors
{
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    /// <summary>"missing required configuration key": the engine prints how to set each key.</summary>
    public static RpcException MissingConfiguration(IEnumerable<(string Name, string Description)> keys)
    {
        var detail = new ConfigureErrorMissingKeys();
        detail.MissingKeys.AddRange(keys.Select(key => new ConfigureErrorMissingKeys.Types.MissingKey
        {
            Name = key.Name,
            Description = key.Description,
        }));
        return WithDetail(StatusCode.InvalidArgument, "required configuration keys were missing", detail);
    }

    /// <summary>
    /// The resource exists but did not finish initialising: the engine saves <paramref name="detail"/>'s id and
    /// properties, reports the reasons, and the next update continues from there.
    /// </summary>
    public static RpcException ResourceInitFailed(string message, ErrorResourceInitFailed detail) =>
        WithDetail(StatusCode.Unknown, message, detail);

    private static RpcException WithDetail(StatusCode code, string message, IMessage detail)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(detail) } };
        var trailers = new Metadata { { StatusDetailsTrailer, status.ToByteArray() } };
        return new RpcException(new Status(code, message), trailers, message);
    }
}
