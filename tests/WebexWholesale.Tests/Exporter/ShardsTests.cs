using WebexWholesale.Exporter;

namespace WebexWholesale.Tests.Exporter;

public class ShardsTests
{
    [Fact]
    public void ACustomersShard_IsTheSameOnEveryRunAndMachine_FnvOfItsId()
    {
        // Pinned: a change of hash would move customers between stacks on the next export.
        Assert.Equal(3, Shards.Of("Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMQ", 4));
        Assert.Equal(1, Shards.Of("Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMg", 4));
        Assert.Equal((int)(unchecked((2166136261u ^ 'a') * 16777619u) % 4) + 1, Shards.Of("a", 4));
        Assert.Equal(1, Shards.Of("anything", 1));
    }

    [Fact]
    public void ShardsSpreadCustomers_AndEveryShardIsUsed()
    {
        var counts = Enumerable.Range(0, 4000).Select(i => Shards.Of($"customer-{i}", 4)).GroupBy(shard => shard).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([1, 2, 3, 4], counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.InRange(count, 800, 1200));
    }

    [Theory]
    [InlineData("import.json", 2, 4, "import-2.json")]
    [InlineData("out/customers.yaml", 4, 4, "out/customers-4.yaml")]
    [InlineData("import.json", 1, 1, "import.json")]
    public void EachShardHasAFileOfItsOwn(string path, int shard, int count, string expected) =>
        Assert.Equal(expected, Shards.FileOf(path, shard, count));
}
