using System.Text;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// Property paths in Pulumi's syntax (<c>address.country</c>, <c>packages[2]</c>, <c>labels["a.b"]</c>), the form the
/// engine shows in diffs and check failures.
/// </summary>
public static class PropertyPath
{
    public static string Member(string parent, string key)
    {
        if (IsPlainIdentifier(key))
        {
            return parent.Length == 0 ? key : $"{parent}.{key}";
        }

        return $"{parent}[\"{key.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The top-level property a path lies under: <c>address.city</c> → <c>address</c>.</summary>
    public static string TopLevel(string path) => Parse(path) is [string key, ..] ? key : path;

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> itself or lies below it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        path == ancestor ||
        (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length &&
         (path[ancestor.Length] == '.' || path[ancestor.Length] == '['));

    /// <summary>Splits a path into member names (string) and list indexes (int).</summary>
    public static IReadOnlyList<object> Parse(string path)
    {
        var segments = new List<object>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '"')
            {
                var key = new StringBuilder();
                i += 2;
                while (i < path.Length && path[i] != '"')
                {
                    if (path[i] == '\\' && i + 1 < path.Length)
                    {
                        i++;
                    }

                    key.Append(path[i++]);
                }

                segments.Add(key.ToString());
                i += 2; // closing quote and bracket
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                segments.Add(int.Parse(path.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture));
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < path.Length && path[i] != '.' && path[i] != '[')
                {
                    i++;
                }

                segments.Add(path[start..i]);
            }
        }

        return segments;
    }

    private static bool IsPlainIdentifier(string key) =>
        key.Length > 0 && !char.IsDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '$');
}
