using System.Text.RegularExpressions;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// Collects the failures (a property path and how to fix it) and warnings of one Check. Values that are unknown during
/// a preview are not judged.
/// </summary>
public sealed partial class InputValidator(PropertyPathSet unknowns)
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

    public void Email(string path, string email)
    {
        if (!EmailAddress().IsMatch(email))
        {
            Fail(path, $"'{Echo.Of(email)}' is not an e-mail address");
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();
}
