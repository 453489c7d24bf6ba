namespace WebexWholesale.Provider.Resources;

/// <summary>The checked inputs (normalised) and what the user must fix.</summary>
public sealed record CheckResult<TInputs>(TInputs Inputs, IReadOnlyList<InputFailure> Failures);
