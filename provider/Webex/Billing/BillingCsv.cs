using System.Text;

namespace WebexWholesale.Provider.Webex.Billing;

/// <summary>
/// A billing report's CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks), read by its header so
/// that columns are found by name, whatever their order.
/// </summary>
public sealed class BillingCsv
{
    private BillingCsv(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows) => (Header, Rows) = (header, rows);

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>The index of each named column; throws naming those the header lacks.</summary>
    public IReadOnlyList<int> Columns(params string[] names)
    {
        var missing = names.Where(name => !Header.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        return missing.Count > 0
            ? throw new FormatException($"the report has no column {string.Join(", ", missing)} (its columns: {string.Join(", ", Header)})")
            : [.. names.Select(name => Header.ToList().FindIndex(column => string.Equals(column, name, StringComparison.OrdinalIgnoreCase)))];
    }

    public static BillingCsv Parse(string text)
    {
        var records = Records(text.StartsWith('\uFEFF') ? text[1..] : text).Where(record => record is not [""]).ToList();
        if (records.Count == 0)
        {
            throw new FormatException("the report is empty: it has no header line");
        }

        var header = records[0].Select(name => name.Trim()).ToList();
        var wrong = records.Skip(1).Select((row, index) => (row, index)).FirstOrDefault(pair => pair.row.Count != header.Count);
        return wrong.row is not null
            ? throw new FormatException($"line {wrong.index + 2} of the report has {wrong.row.Count} fields where its header has {header.Count}")
            : new BillingCsv(header, records.Skip(1).ToList());
    }

    private static IEnumerable<IReadOnlyList<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException("the report ends inside a quoted field");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
