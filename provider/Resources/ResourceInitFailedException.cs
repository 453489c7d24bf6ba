namespace WebexWholesale.Provider.Resources;

/// <summary>
/// The resource exists but is not in the state asked for (failed, half-provisioned, timed out, cancelled): the engine
/// records <see cref="State"/> under <see cref="Id"/> and the next update continues from there.
/// </summary>
/// <param name="inputs">inputs for the engine to record (Read only)</param>
public sealed class ResourceInitFailedException<TInputs, TOutputs>(
    string id, ResourceState<TInputs, TOutputs> state, IReadOnlyList<string> reasons, TInputs? inputs = null)
    : Exception(reasons.Count > 0 ? reasons[0] : "the resource did not finish initialising")
    where TInputs : class
    where TOutputs : class
{
    public string Id { get; } = id;
    public ResourceState<TInputs, TOutputs> State { get; } = state;
    public IReadOnlyList<string> Reasons { get; } = reasons;
    public TInputs? Inputs { get; } = inputs;
}
