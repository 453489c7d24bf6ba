using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WebexWholesale.Generator;

/// <summary>
/// The provider's XML documentation (its <c>&lt;summary&gt;</c> comments), as schema descriptions: <c>&lt;c&gt;</c>
/// becomes Markdown code, <c>&lt;see cref&gt;</c> the type's name, and line breaks inside a summary fold away.
/// </summary>
public sealed partial class DocComments
{
    private readonly Dictionary<string, string> _summaries;

    private DocComments(Dictionary<string, string> summaries) => _summaries = summaries;

    public static DocComments For(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{file} is missing: the provider must be built with GenerateDocumentationFile");
        }

        var members = XDocument.Load(file).Descendants("member")
            .Where(member => member.Element("summary") is not null)
            .ToDictionary(member => (string)member.Attribute("name")!, member => Text(member.Element("summary")!), StringComparer.Ordinal);
        return new DocComments(members);
    }

    public string? Of(Type type) => _summaries.GetValueOrDefault($"T:{Name(type)}");

    public string? Of(PropertyInfo property) => _summaries.GetValueOrDefault($"P:{Name(property.DeclaringType!)}.{property.Name}");

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    private static string Text(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(node => node switch
        {
            XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
            XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref"))?.Split('.', ':')[^1].Split('{', '`')[0] ?? see.Value,
            XElement element => element.Value,
            XText plain => plain.Value,
            _ => "",
        }));
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
