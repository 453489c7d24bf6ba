using System.Text;

namespace WebexWholesale.Exporter;

/// <summary>
/// How an export is split into shards, one stack each: a customer by a stable hash of its Webex id (the same on every
/// run and machine, so a re-export gives the same shards), its subscribers with it.
/// </summary>
public static class Shards
{
    public const int Most = 1000;

    /// <summary>The shard (1 to <paramref name="count"/>) of a customer: FNV-1a of its id's UTF-8 bytes.</summary>
    public static int Of(string customerId, int count)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(customerId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)count) + 1;
    }

    /// <summary>The file of one shard: <c>import.json</c> → <c>import-2.json</c>; the path itself when there is one shard.</summary>
    public static string FileOf(string path, int shard, int count) =>
        count == 1 ? path : Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{shard}{Path.GetExtension(path)}");
}
