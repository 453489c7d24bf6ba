namespace WebexWholesale.Provider.Resources;

/// <summary>An input the user must fix: the property path (e.g. <c>address.country</c>) and how to fix it.</summary>
public sealed record InputFailure(string Property, string Reason);
