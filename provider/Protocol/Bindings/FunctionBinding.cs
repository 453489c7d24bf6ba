using Pulumirpc;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.Bindings;

/// <summary>Binds a typed <see cref="ICustomFunction{TArgs,TResult}"/> to Invoke.</summary>
public sealed class FunctionBinding<TArgs, TResult>(ICustomFunction<TArgs, TResult> function) : IFunctionBinding
    where TArgs : class
    where TResult : class
{
    public string Token => function.Token;

    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, ResourceContext context)
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
