using System.Text.Json.Serialization.Metadata;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// A custom resource with typed inputs and outputs, in the manner of pulumi-go-provider's <c>infer</c>: the protocol
/// layer decodes and encodes, the resource decides. Its state is its inputs plus its outputs.
/// </summary>
public interface ICustomResource<TInputs, TOutputs>
    where TInputs : class
    where TOutputs : class
{
    string Token { get; }
    JsonTypeInfo<TInputs> InputsType { get; }
    JsonTypeInfo<TOutputs> OutputsType { get; }

    /// <param name="olds">the previous checked inputs, or null for a resource about to be created</param>
    Task<CheckResult<TInputs>> CheckAsync(Decoded<TInputs>? olds, Decoded<TInputs> news, ResourceContext context);

    /// <summary>
    /// The local rules of Check alone (no Webex call): what makes inputs impossible to create or update with. The
    /// engine may call Create and Update without Check, so they are applied again there.
    /// </summary>
    /// <param name="oldInputs">the inputs the resource has now, or null for one about to be created</param>
    IReadOnlyList<InputFailure> Validate(TInputs inputs, TInputs? oldInputs);

    ResourceDiff Diff(TInputs oldInputs, Decoded<TInputs> news, IReadOnlyCollection<string> ignoreChanges);

    PreviewResult<TInputs, TOutputs> PreviewCreate(Decoded<TInputs> inputs);

    PreviewResult<TInputs, TOutputs> PreviewUpdate(ResourceState<TInputs, TOutputs> olds, TInputs oldInputs, Decoded<TInputs> news);

    /// <summary>Creates the resource; one that exists but did not finish throws <see cref="ResourceInitFailedException{TInputs,TOutputs}"/>.</summary>
    Task<(string Id, ResourceState<TInputs, TOutputs> State)> CreateAsync(TInputs inputs, TimeSpan? timeout, ResourceContext context);

    /// <summary>The resource as it is now, or null when it no longer exists. <paramref name="oldState"/> is null on import.</summary>
    Task<ReadResult<TInputs, TOutputs>?> ReadAsync(string id, TInputs? oldInputs, ResourceState<TInputs, TOutputs>? oldState, ResourceContext context);

    Task<ResourceState<TInputs, TOutputs>> UpdateAsync(string id, ResourceState<TInputs, TOutputs> olds, TInputs oldInputs, TInputs news,
        TimeSpan? timeout, ResourceContext context);

    Task DeleteAsync(string id, ResourceState<TInputs, TOutputs> olds, TInputs? oldInputs, TimeSpan? timeout, ResourceContext context);
}
