using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Resources.ProviderConfig;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// What a resource operation may use: the Webex connection and settings of the configured provider (null before
/// Configure, or when the configuration holds values unknown during a preview), the operation's log, the clock, and a
/// token cancelled by the engine's Cancel or shutdown.
/// </summary>
public sealed record ResourceContext(
    string Urn, string Name, ProviderSettings? Settings, WebexConnection? Webex, IResourceLog Log, TimeProvider Time, CancellationToken Cancellation)
{
    public WebexConnection RequireWebex() => Webex ?? throw new ProviderNotConfiguredException();
}

public sealed record CheckResult<TInputs>(TInputs Inputs, IReadOnlyList<InputFailure> Failures);

/// <summary>What a preview shows: the planned state and the outputs that stay unknown until the real operation.</summary>
public sealed record PreviewResult<TState>(TState State, IReadOnlyCollection<string> UnknownOutputs);

public sealed record ReadResult<TInputs, TState>(string Id, TState State, TInputs Inputs);

/// <summary>
/// A custom resource with typed inputs and state, in the manner of pulumi-go-provider's <c>infer</c>: the protocol
/// layer decodes and encodes, the resource decides.
/// </summary>
public interface ICustomResource<TInputs, TState>
    where TInputs : class
    where TState : class
{
    string Token { get; }
    JsonTypeInfo<TInputs> InputsType { get; }
    JsonTypeInfo<TState> StateType { get; }

    /// <param name="olds">the previous checked inputs, or null for a resource about to be created</param>
    Task<CheckResult<TInputs>> CheckAsync(Decoded<TInputs>? olds, Decoded<TInputs> news, ResourceContext context);

    ResourceDiff Diff(TInputs oldInputs, Decoded<TInputs> news, IReadOnlyCollection<string> ignoreChanges);

    PreviewResult<TState> PreviewCreate(Decoded<TInputs> inputs);

    PreviewResult<TState> PreviewUpdate(TState olds, TInputs oldInputs, Decoded<TInputs> news);

    /// <summary>Creates the resource; a resource that exists but did not finish throws <see cref="ResourceInitFailedException{TState}"/>.</summary>
    Task<(string Id, TState State)> CreateAsync(TInputs inputs, TimeSpan? timeout, ResourceContext context);

    /// <summary>The resource as it is now, or null when it no longer exists. <paramref name="oldState"/> is null on import.</summary>
    Task<ReadResult<TInputs, TState>?> ReadAsync(string id, TInputs? oldInputs, TState? oldState, ResourceContext context);

    Task<TState> UpdateAsync(string id, TState olds, TInputs oldInputs, TInputs news, TimeSpan? timeout, ResourceContext context);

    Task DeleteAsync(string id, TState olds, TInputs? oldInputs, TimeSpan? timeout, ResourceContext context);
}

/// <summary>
/// The resource exists but is not in the state asked for (failed, half-provisioned, timed out, cancelled): the engine
/// records <see cref="State"/> under <see cref="Id"/> and the next update continues from there.
/// </summary>
public sealed class ResourceInitFailedException<TState>(string id, TState state, IReadOnlyList<string> reasons, object? inputs = null)
    : Exception(reasons.Count > 0 ? reasons[0] : "the resource did not finish initialising")
{
    public string Id { get; } = id;
    public TState State { get; } = state;
    public IReadOnlyList<string> Reasons { get; } = reasons;

    /// <summary>Inputs to record (Read only).</summary>
    public object? Inputs { get; } = inputs;
}

/// <summary>Webex is needed but the provider has no configuration (yet): Configure was not called.</summary>
public sealed class ProviderNotConfiguredException() : Exception(
    "the webex-wholesale provider is not configured: its configuration is not known yet (it may depend on another resource's output)");

/// <summary>A resource operation that cannot go ahead, with a message for the user (nothing was changed).</summary>
public sealed class ResourceConflictException(string message) : Exception(message);

/// <summary>An operation that ran out of time or was cancelled; the engine keeps the resource as it was.</summary>
public sealed class ResourceIncompleteException(string message, bool cancelled) : Exception(message)
{
    public bool Cancelled { get; } = cancelled;
}
