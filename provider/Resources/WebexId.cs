using System.Text.RegularExpressions;
using WebexWholesale.Provider.Resources.Errors;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// Webex ids: base64 text such as <c>Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvNTJj…</c>. An id that cannot be one is refused
/// before any request, so nothing else (the list endpoint for an empty id, a 414 for a huge one) is asked.
/// </summary>
public static partial class WebexId
{
    public const int MaxLength = 512;

    /// <param name="noun">what the id names, in the message: customer, subscriber</param>
    /// <param name="example">the start of a real id of that kind</param>
    public static string? Problem(string id, string noun, string example) =>
        Plausible().IsMatch(id) && id.Length <= MaxLength
            ? null
            : $"'{Echo.Of(id)}' is not a Webex {noun} id (base64 text such as {example}…, at most {MaxLength} characters); " +
              "check the id given to `pulumi import` or the import option";

    public static void Require(string id, string noun, string example)
    {
        if (Problem(id, noun, example) is { } problem)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput, problem);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_=+/-]+$")]
    private static partial Regex Plausible();
}
