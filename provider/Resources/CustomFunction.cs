using System.Text.Json.Serialization.Metadata;

namespace WebexWholesale.Provider.Resources;

/// <summary>The result of a function: its value, or the arguments the caller must fix.</summary>
public sealed record FunctionResult<TResult>(TResult? Value, IReadOnlyList<InputFailure> Failures)
{
    public static FunctionResult<TResult> Of(TResult value) => new(value, []);
    public static FunctionResult<TResult> Fail(string property, string reason) => new(default, [new InputFailure(property, reason)]);
}

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
