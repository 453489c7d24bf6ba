using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Resources;
using Kind = Pulumirpc.PropertyDiff.Types.Kind;
using DiffChanges = Pulumirpc.DiffResponse.Types.DiffChanges;

namespace WebexWholesale.Tests.Protocol;

public class DiffResponsesTests
{
    [Fact]
    public void NoChanges_IsDiffNoneWithDetailedDiff()
    {
        var sut = DiffResponses.From(ResourceDiff.None);

        Assert.Equal(DiffChanges.DiffNone, sut.Changes);
        Assert.True(sut.HasDetailedDiff);
        Assert.Empty(sut.Diffs);
        Assert.Empty(sut.DetailedDiff);
    }

    [Fact]
    public void DiffsAndReplaces_AreDerivedFromTheDetailedDiff()
    {
        var sut = DiffResponses.From(new ResourceDiff(
        [
            new PropertyChange("address.city", ChangeKind.Update),
            new PropertyChange("address.zipOrPostalCode", ChangeKind.Add),
            new PropertyChange("packages[2]", ChangeKind.Delete),
            new PropertyChange("customerInfo.name", ChangeKind.Update, Replaces: true),
        ], DeleteBeforeReplace: true));

        Assert.Equal(DiffChanges.DiffSome, sut.Changes);
        Assert.Equal(["address", "customerInfo", "packages"], sut.Diffs);
        Assert.Equal(["customerInfo"], sut.Replaces);
        Assert.Equal(Kind.Update, sut.DetailedDiff["address.city"].Kind);
        Assert.Equal(Kind.Add, sut.DetailedDiff["address.zipOrPostalCode"].Kind);
        Assert.Equal(Kind.Delete, sut.DetailedDiff["packages[2]"].Kind);
        Assert.Equal(Kind.UpdateReplace, sut.DetailedDiff["customerInfo.name"].Kind);
        Assert.True(sut.DeleteBeforeReplace);
        // The protocol's invariant: every diffs key has a detailed entry and every detailed entry's key is in diffs.
        Assert.All(sut.Diffs, key => Assert.Contains(sut.DetailedDiff.Keys, path => PropertyPath.TopLevel(path) == key));
        Assert.All(sut.DetailedDiff.Keys, path => Assert.Contains(PropertyPath.TopLevel(path), sut.Diffs));
    }

    [Fact]
    public void DeleteBeforeReplace_OnlyWhenSomethingIsReplaced()
    {
        var sut = DiffResponses.From(new ResourceDiff([new PropertyChange("packages", ChangeKind.Update)], DeleteBeforeReplace: true));

        Assert.False(sut.DeleteBeforeReplace);
        Assert.Empty(sut.Replaces);
    }

    [Theory]
    [InlineData(ChangeKind.Add, true, Kind.AddReplace)]
    [InlineData(ChangeKind.Delete, true, Kind.DeleteReplace)]
    [InlineData(ChangeKind.Add, false, Kind.Add)]
    public void Kinds(ChangeKind kind, bool replaces, Kind expected) =>
        Assert.Equal(expected, DiffResponses.From(new ResourceDiff([new PropertyChange("x", kind, replaces)])).DetailedDiff["x"].Kind);
}
