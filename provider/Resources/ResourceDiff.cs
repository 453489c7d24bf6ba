namespace WebexWholesale.Provider.Resources;

public enum ChangeKind
{
    Add,
    Update,
    Delete,
}

/// <summary>One changed property path (e.g. <c>address.city</c>, <c>packages[1]</c>) and whether it forces a replacement.</summary>
public sealed record PropertyChange(string Path, ChangeKind Kind, bool Replaces = false);

/// <summary>The outcome of comparing a resource's state with its new inputs.</summary>
public sealed record ResourceDiff(IReadOnlyList<PropertyChange> Changes, bool DeleteBeforeReplace = false)
{
    public static readonly ResourceDiff None = new([]);

    public bool HasChanges => Changes.Count > 0;

    public bool RequiresReplacement => Changes.Any(change => change.Replaces);
}
