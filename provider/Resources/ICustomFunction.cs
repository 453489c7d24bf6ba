using System.Text.Json.Serialization.Metadata;

namespace WebexWholesale.Provider.Resources;

/// <summary>A provider function (a schema <c>function</c>, an Invoke on the wire) with typed arguments and result.</summary>
public interface ICustomFunction<TArgs, TResult>
    where TArgs : class
    where TResult : class
{
    string Token { get; }
    JsonTypeInfo<TArgs> ArgsType { get; }
    JsonTypeInfo<TResult> ResultType { get; }

    Task<FunctionResult<TResult>> InvokeAsync(TArgs args, ResourceContext context);
}
