using Grpc.Core;
using Grpc.Core.Interceptors;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources.Errors;

namespace WebexWholesale.Provider.Protocol;

/// <summary>
/// Turns every failure of an RPC into a gRPC status with a plain message: the engine shows the message to the user,
/// so it must explain the problem, and it never carries a stack trace.
/// </summary>
public sealed class ErrorInterceptor(TextWriter stderr) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (PropertyEncodingException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }
        catch (Exception error) when (ProviderFailure.From(error) is { } failure)
        {
            throw new RpcException(new Status(ToStatusCode(failure.Kind), failure.Message));
        }
        catch (Exception error)
        {
            // Full detail for the plugin's debug log (stderr); the message alone for the user.
            await stderr.WriteLineAsync($"{context.Method} failed: {error}");
            throw new RpcException(new Status(StatusCode.Internal, error.Message));
        }
    }

    /// <summary>A definite code, never Unknown or Internal: for those the engine would assume the resource's state is unknown.</summary>
    public static StatusCode ToStatusCode(ProviderErrorKind kind) => kind switch
    {
        ProviderErrorKind.InvalidInput => StatusCode.InvalidArgument,
        ProviderErrorKind.Conflict or ProviderErrorKind.NotConfigured => StatusCode.FailedPrecondition,
        ProviderErrorKind.NotFound => StatusCode.NotFound,
        ProviderErrorKind.Unauthenticated => StatusCode.Unauthenticated,
        ProviderErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        ProviderErrorKind.RateLimited => StatusCode.ResourceExhausted,
        ProviderErrorKind.TimedOut => StatusCode.DeadlineExceeded,
        ProviderErrorKind.Cancelled => StatusCode.Cancelled,
        _ => StatusCode.Unavailable,
    };
}
