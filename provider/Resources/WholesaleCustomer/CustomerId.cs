using System.Text.RegularExpressions;
using WebexWholesale.Provider.Resources.Errors;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// Webex customer ids: base64 text such as <c>Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvNTJj…</c>. An id that cannot be one
/// is refused before any request, so nothing else (the list endpoint for an empty id, a 414 for a huge one) is asked.
/// </summary>
public static partial class CustomerId
{
    public const int MaxLength = 512;

    public static string? Problem(string id) =>
        Plausible().IsMatch(id) && id.Length <= MaxLength
            ? null
            : $"'{Echo.Of(id)}' is not a Webex customer id (base64 text such as Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0Uv…, at most {MaxLength} characters); " +
              "check the id given to `pulumi import` or the import option";

    public static void Require(string id)
    {
        if (Problem(id) is { } problem)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput, problem);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_=+/-]+$")]
    private static partial Regex Plausible();
}
