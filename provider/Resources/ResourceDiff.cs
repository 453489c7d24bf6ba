namespace WebexWholesale.Provider.Resources;

/// <summary>The outcome of comparing a resource's state with its new inputs.</summary>
public sealed record ResourceDiff(IReadOnlyList<PropertyChange> Changes, bool DeleteBeforeReplace = false)
{
    public static readonly ResourceDiff None = new([]);

    public bool HasChanges => Changes.Count > 0;

    public bool RequiresReplacement => Changes.Any(change => change.Replaces);
}
