namespace WebexWholesale.Provider.Resources;

/// <summary>The result of a function: its value, or the arguments the caller must fix.</summary>
public sealed record FunctionResult<TResult>(TResult? Value, IReadOnlyList<InputFailure> Failures)
{
    public static FunctionResult<TResult> Of(TResult value) => new(value, []);
    public static FunctionResult<TResult> Fail(string property, string reason) => new(default, [new InputFailure(property, reason)]);
}
