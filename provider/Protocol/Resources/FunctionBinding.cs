using Pulumirpc;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.Resources;

/// <summary>What the service routes an Invoke to, by function token.</summary>
public interface IFunctionBinding
{
    string Token { get; }
    Task<InvokeResponse> InvokeAsync(InvokeRequest request, ResourceCall call);
}

/// <summary>Binds a typed <see cref="ICustomFunction{TArgs,TResult}"/> to Invoke.</summary>
public sealed class FunctionBinding<TArgs, TResult>(ICustomFunction<TArgs, TResult> function) : IFunctionBinding
    where TArgs : class
    where TResult : class
{
    public string Token => function.Token;

    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, ResourceCall call)
    {
        Decoded<TArgs> args;
        try
        {
            args = TypedCodec.Decode(StructCodec.Decode(request.Args, allowUnknowns: false), function.ArgsType);
        }
        catch (PropertyEncodingException error)
        {
            return new InvokeResponse { Failures = { new CheckFailure { Property = error.PropertyPath, Reason = error.Reason } } };
        }

        var context = new ResourceContext("", function.Token, call.Settings, call.Webex, call.Log, call.Time, call.Cancellation);
        var result = await function.InvokeAsync(args.Value, context);
        var response = new InvokeResponse();
        response.Failures.AddRange(result.Failures.Select(failure => new CheckFailure { Property = failure.Property, Reason = failure.Reason }));
        if (result.Value is { } value)
        {
            response.Return = StructCodec.Encode(TypedCodec.Encode(value, function.ResultType), allowUnknowns: false);
        }

        return response;
    }
}
