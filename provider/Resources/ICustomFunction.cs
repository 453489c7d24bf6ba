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

/// <summary>Limits every function's arguments share.</summary>
public static class FunctionArguments
{
    /// <summary>
    /// The longest text argument: arguments become Webex list filters in the request's URL, which Webex (like most
    /// HTTP servers) refuses past about 8 KB, and no id, e-mail or status it filters by comes near this.
    /// </summary>
    public const int MaxTextLength = 1024;
}
