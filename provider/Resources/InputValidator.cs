using System.Globalization;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// Collects the failures (a property path and how to fix it) and warnings of one Check. Values that are unknown during
/// a preview are not judged.
/// </summary>
public sealed class InputValidator(PropertyPathSet unknowns)
{
    public List<InputFailure> Failures { get; } = [];
    public List<string> Warnings { get; } = [];

    public bool IsUnknown(string path) => unknowns.Covers(path);

    public void Fail(string path, string reason)
    {
        if (!IsUnknown(path))
        {
            Failures.Add(new InputFailure(path, reason));
        }
    }

    public void Warn(string message) => Warnings.Add(message);

    public void Required(string path, string? value, string reason)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(path, reason);
        }
    }

    /// <summary>A value that travels in a request's URL (a lookup filter, a partner context) is refused past <see cref="FunctionArguments.MaxTextLength"/>.</summary>
    public void InUrl(string path, string? value, string what)
    {
        if (value is { Length: > FunctionArguments.MaxTextLength })
        {
            Fail(path, $"has {value.Length:N0} characters; at most {FunctionArguments.MaxTextLength:N0}, since {what} travels in the URL of Webex requests");
        }
    }

    public void Email(string path, string email)
    {
        if (EmailAddressProblem(email) is { } problem)
        {
            Fail(path, $"'{Echo.Of(email)}' is not an e-mail address Webex accepts: {problem}");
        }
    }

    /// <summary>RFC 5321's limits on an address Webex can deliver to.</summary>
    public const int MaxEmailLength = 254, MaxLocalPartLength = 64;

    /// <summary>
    /// What makes an address one Webex would refuse or a person could not tell from another, or null: RFC 5321's
    /// lengths, one @, a dotted domain with no empty label, and no control, invisible or direction-changing characters
    /// (a zero-width space or a right-to-left mark makes two addresses look alike).
    /// </summary>
    public static string? EmailAddressProblem(string email)
    {
        if (email.Length > MaxEmailLength)
        {
            return $"it has {email.Length} characters, and an address has at most {MaxEmailLength}";
        }

        if (HiddenCharacter(email) is { } hidden)
        {
            return $"it contains {hidden}, a space, control, invisible or direction-changing character; type the address again";
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1)
        {
            return "it needs exactly one @ with a name before it and a domain after it, e.g. ada@example.com";
        }

        var (local, domain) = (email[..at], email[(at + 1)..]);
        if (local.Length > MaxLocalPartLength)
        {
            return $"the part before the @ has {local.Length} characters, and may have at most {MaxLocalPartLength}";
        }

        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return "the part before the @ starts or ends with a dot, or has two dots in a row";
        }

        var labels = domain.Split('.');
        return labels.Length < 2 || labels.Any(label => label.Length == 0 || label.StartsWith('-') || label.EndsWith('-') || label.Length > 63)
            ? $"its domain '{Echo.Of(domain)}' needs dot-separated names, none of them empty (e.g. example.com)"
            : null;
    }

    /// <summary>The first character a person cannot see or that changes how text around it reads, as U+XXXX, or null.</summary>
    private static string? HiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return $"U+{(int)text[i]:X4} (half of a broken character)";
            }

            if (System.Text.Rune.IsWhiteSpace(rune) || System.Text.Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
            {
                return $"U+{rune.Value:X4}";
            }

            i += used;
        }

        return null;
    }
}
