using Pulumirpc;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;
using Kind = Pulumirpc.PropertyDiff.Types.Kind;

namespace WebexWholesale.Provider.Protocol;

/// <summary>
/// Writes a <see cref="ResourceDiff"/> as the engine wants it: <c>changes</c> always set, <c>hasDetailedDiff</c>
/// always true, and <c>diffs</c> and <c>replaces</c> derived from the detailed diff so the three never disagree.
/// </summary>
public static class DiffResponses
{
    public static DiffResponse From(ResourceDiff diff)
    {
        var response = new DiffResponse
        {
            Changes = diff.HasChanges ? DiffResponse.Types.DiffChanges.DiffSome : DiffResponse.Types.DiffChanges.DiffNone,
            HasDetailedDiff = true,
        };

        foreach (var change in diff.Changes)
        {
            response.DetailedDiff[change.Path] = new PropertyDiff { Kind = ToKind(change), InputDiff = false };
        }

        var topLevel = diff.Changes.Select(change => PropertyPath.TopLevel(change.Path)).Distinct().Order(StringComparer.Ordinal);
        response.Diffs.AddRange(topLevel);
        response.Replaces.AddRange(diff.Changes.Where(change => change.Replaces).Select(change => PropertyPath.TopLevel(change.Path))
            .Distinct().Order(StringComparer.Ordinal));
        response.DeleteBeforeReplace = diff.RequiresReplacement && diff.DeleteBeforeReplace;
        return response;
    }

    private static Kind ToKind(PropertyChange change) => (change.Kind, change.Replaces) switch
    {
        (ChangeKind.Add, false) => Kind.Add,
        (ChangeKind.Add, true) => Kind.AddReplace,
        (ChangeKind.Delete, false) => Kind.Delete,
        (ChangeKind.Delete, true) => Kind.DeleteReplace,
        (_, false) => Kind.Update,
        (_, true) => Kind.UpdateReplace,
    };
}
