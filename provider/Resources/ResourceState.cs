namespace WebexWholesale.Provider.Resources;

/// <summary>
/// What the engine keeps for a resource: its inputs as they stand in the service, plus the outputs only the service
/// can tell. On the wire the two are one flat object; the codec merges and splits them.
/// </summary>
public sealed record ResourceState<TInputs, TOutputs>(TInputs Inputs, TOutputs Outputs)
    where TInputs : class
    where TOutputs : class;
