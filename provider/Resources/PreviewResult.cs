namespace WebexWholesale.Provider.Resources;

/// <summary>What a preview shows: the planned state and the outputs that stay unknown until the real operation.</summary>
public sealed record PreviewResult<TInputs, TOutputs>(ResourceState<TInputs, TOutputs> State, IReadOnlyCollection<string> UnknownOutputs)
    where TInputs : class
    where TOutputs : class;
