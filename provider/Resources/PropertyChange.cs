namespace WebexWholesale.Provider.Resources;

/// <summary>One changed property path (e.g. <c>address.city</c>, <c>packages[1]</c>) and whether it forces a replacement.</summary>
public sealed record PropertyChange(string Path, ChangeKind Kind, bool Replaces = false);
