namespace WebexWholesale.Provider.Resources;

/// <summary>
/// Typed inputs or state as decoded from the engine, with the paths that were unknown (left null in
/// <see cref="Value"/>) and those that were secret (so that the same paths are secret again in outputs).
/// </summary>
public sealed record Decoded<T>(T Value, PropertyPathSet Unknowns, PropertyPathSet Secrets);
