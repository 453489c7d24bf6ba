using System.Security.Cryptography;
using System.Text;

namespace WebexWholesale.Exporter;

/// <summary>
/// Stable Pulumi resource names from externalIds: the externalId itself where it is a plain name (so the C# example,
/// which names each customer by its externalId, needs nothing more), otherwise a cleaned form with a short hash that
/// keeps it unique. The same customers always get the same names, whatever order Webex lists them in.
/// </summary>
public static class PulumiNames
{
    /// <param name="inUse">names a stack already gives other resources (the audit's): never given again</param>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<(string Id, string? ExternalId)> customers, IEnumerable<string>? inUse = null)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(inUse ?? [], StringComparer.Ordinal);
        // Plain externalIds first, so that a cleaned name never takes a plain one's place.
        foreach (var (id, externalId) in customers.OrderBy(c => IsPlain(c.ExternalId) ? 0 : 1).ThenBy(c => c.ExternalId ?? c.Id, StringComparer.Ordinal))
        {
            var name = IsPlain(externalId) && taken.Add(externalId!) ? externalId! : Cleaned(externalId, id);
            taken.Add(name);
            names[id] = name;
        }

        return names;
    }

    public static bool IsPlain(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 100 && char.IsAsciiLetterOrDigit(name[0]) &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Cleaned(string? externalId, string id)
    {
        var builder = new StringBuilder();
        foreach (var c in externalId ?? "")
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? c : '-');
        }

        var cleaned = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        cleaned = cleaned.Length > 80 ? cleaned[..80] : cleaned;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(externalId ?? id)))[..8];
        return cleaned.Length == 0 ? $"customer-{hash}" : $"{cleaned}-{hash}";
    }
}
