using Pulumirpc;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Protocol.Bindings;

/// <summary>Binds a typed <see cref="ICustomFunction{TArgs,TResult}"/> to Invoke.</summary>
public sealed class FunctionBinding<TArgs, TResult>(ICustomFunction<TArgs, TResult> function) : IFunctionBinding
    where TArgs : class
    where TResult : class
{
    /// <summary>Result members declared <see cref="SecretAttribute"/> (a report's presigned link): secret in every answer.</summary>
    private readonly PropertyPathSet _secretResults = PropertyPathSet.Of(SchemaDeclarations.PropertiesWith<SecretAttribute>(function.ResultType));

    public string Token => function.Token;

    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, ResourceContext context)
    {
        Decoded<TArgs> args;
        try
        {
            var values = StructCodec.Decode(request.Args, allowUnknowns: false);
            if (TooLong(values, "") is { } path)
            {
                return new InvokeResponse
                {
                    Failures =
                    {
                        new CheckFailure
                        {
                            Property = path,
                            Reason = $"is longer than {FunctionArguments.MaxTextLength:N0} characters; no Webex filter value is that long (it travels in the request's URL)",
                        },
                    },
                };
            }

            args = TypedCodec.Decode(values, function.ArgsType);
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
            response.Return = StructCodec.Encode(TypedCodec.Mark(TypedCodec.Encode(value, function.ResultType), _secretResults, null), allowUnknowns: false);
        }

        return response;
    }

    /// <summary>The path of the first text argument over <see cref="FunctionArguments.MaxTextLength"/>, or null: refused at once, before any request.</summary>
    private static string? TooLong(PropertyValue value, string path) => value switch
    {
        StringValue text when text.Value.Length > FunctionArguments.MaxTextLength => path,
        SecretValue secret => TooLong(secret.Inner, path),
        ArrayValue array => array.Items.Select((item, index) => TooLong(item, PropertyPath.Index(path, index))).FirstOrDefault(found => found is not null),
        ObjectValue members => members.Members.Select(member => TooLong(member.Value, PropertyPath.Member(path, member.Key))).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
