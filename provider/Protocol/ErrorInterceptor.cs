using Grpc.Core;
using Grpc.Core.Interceptors;
using System.Net;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Webex;

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
        catch (OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "the operation was cancelled"));
        }
        catch (PropertyEncodingException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }
        catch (ResourceConflictException error)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, error.Message));
        }
        catch (ResourceIncompleteException error)
        {
            throw new RpcException(new Status(error.Cancelled ? StatusCode.Cancelled : StatusCode.DeadlineExceeded, error.Message));
        }
        catch (WebexApiException error)
        {
            // A definite code, never Unknown or Internal: for those the engine would assume the resource's state is unknown.
            throw new RpcException(new Status(ToStatusCode(error.StatusCode), error.Message));
        }
        catch (ProviderNotConfiguredException error)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, error.Message));
        }
        catch (Exception error)
        {
            // Full detail for the plugin's debug log (stderr); the message alone for the user.
            await stderr.WriteLineAsync($"{context.Method} failed: {error}");
            throw new RpcException(new Status(StatusCode.Internal, error.Message));
        }
    }

    private static StatusCode ToStatusCode(HttpStatusCode? status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.InvalidArgument,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.NotFound,
        HttpStatusCode.Conflict or HttpStatusCode.Locked => StatusCode.FailedPrecondition,
        HttpStatusCode.TooManyRequests => StatusCode.ResourceExhausted,
        _ => StatusCode.Unavailable,
    };
}
