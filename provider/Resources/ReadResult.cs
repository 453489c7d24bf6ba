namespace WebexWholesale.Provider.Resources;

/// <summary>
/// A resource as the service reports it: its id, its state, and the inputs that would produce it (which may differ from
/// the state's: an output the service assigned, such as a new customer's org, is not an input the program gave).
/// </summary>
public sealed record ReadResult<TInputs, TOutputs>(string Id, ResourceState<TInputs, TOutputs> State, TInputs Inputs)
    where TInputs : class
    where TOutputs : class;
