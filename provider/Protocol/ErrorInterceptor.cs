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
        catch (RpcException error) when (error.Status.Detail.Length > MaxMessageLength)
        {
            throw new RpcException(new Status(error.StatusCode, await BoundedAsync(error.Status.Detail, context)), error.Trailers);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (PropertyEncodingException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, await BoundedAsync(error.Message, context)));
        }
        catch (Exception error) when (ProviderFailure.From(error) is { } failure)
        {
            throw new RpcException(new Status(ToStatusCode(failure.Kind), await BoundedAsync(failure.Message, context)));
        }
        catch (Exception error)
        {
            // Full detail for the plugin's debug log (stderr); the message alone for the user.
            await stderr.WriteLineAsync($"{context.Method} failed: {error}");
            throw new RpcException(new Status(StatusCode.Internal, await BoundedAsync(error.Message, context)));
        }
    }

    /// <summary>
    /// Status messages travel in an HTTP/2 trailer, and one of many kilobytes is never delivered: the engine's call
    /// hangs and its connection with it. A long message is cut, and the whole text goes to the plugin's log.
    /// </summary>
    public const int MaxMessageLength = 4000;

    private async Task<string> BoundedAsync(string message, ServerCallContext context)
    {
        if (message.Length <= MaxMessageLength)
        {
            return message;
        }

        await stderr.WriteLineAsync($"{context.Method} failed (full message): {message}");
        return $"{message[..MaxMessageLength]}… ({message.Length - MaxMessageLength} more characters in the plugin's log: run pulumi with -v=9 --logtostderr)";
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
