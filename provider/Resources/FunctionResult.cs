namespace WebexWholesale.Provider.Resources;

/// <summary>The result of a function: its value, or the arguments the caller must fix.</summary>
public sealed record FunctionResult<TResult>(TResult? Value, IReadOnlyList<InputFailure> Failures);

/// <summary>Builds <see cref="FunctionResult{TResult}"/>s.</summary>
public static class FunctionResult
{
    public static FunctionResult<TResult> Of<TResult>(TResult value) => new(value, []);

    public static FunctionResult<TResult> Fail<TResult>(string property, string reason) => new(default, [new InputFailure(property, reason)]);
}
