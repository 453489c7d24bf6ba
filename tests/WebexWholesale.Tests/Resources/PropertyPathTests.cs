using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Tests.Resources;

public class PropertyPathTests
{
    [Theory]
    [InlineData("", "address", "address")]
    [InlineData("address", "country", "address.country")]
    [InlineData("limits", "a.b", "limits[\"a.b\"]")]
    [InlineData("limits", "say \"hi\"", "limits[\"say \\\"hi\\\"\"]")]
    [InlineData("", "9lives", "[\"9lives\"]")]
    public void Member_UsesPulumiSyntax(string parent, string key, string expected) =>
        Assert.Equal(expected, PropertyPath.Member(parent, key));

    [Fact]
    public void Parse_ReadsMembersIndexesAndQuotedKeys()
    {
        Assert.Equal(["a", 0, "b", "c.d", 12], PropertyPath.Parse("a[0].b[\"c.d\"][12]"));
        Assert.Equal(["say \"hi\""], PropertyPath.Parse(PropertyPath.Member("", "say \"hi\"")));
    }

    [Theory]
    [InlineData("address", "address", true)]
    [InlineData("address.city", "address", true)]
    [InlineData("packages[1]", "packages", true)]
    [InlineData("addressLine", "address", false)]
    [InlineData("address", "address.city", false)]
    public void IsWithin(string path, string ancestor, bool expected) => Assert.Equal(expected, PropertyPath.IsWithin(path, ancestor));
}
