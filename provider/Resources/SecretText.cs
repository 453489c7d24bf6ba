using WebexWholesale.Provider.Resources.Errors;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// The values the engine sent as secret for one call, and the one place that hides them: every message the call
/// writes (log lines, warnings, check failures, errors) passes through <see cref="Redact(string)"/>, which shows each
/// as <c>[secret]</c>, also where a message shortened it (<see cref="Echo"/>) or Webex repeated it in another case.
/// </summary>
public sealed class SecretText
{
    public const string Shown = "[secret]";

    /// <summary>Shorter values are not hidden: replacing every "US" or "en" would garble the message and hide little.</summary>
    public const int MinLength = 3;

    public static readonly SecretText None = new([]);

    private readonly string[] _forms;

    public SecretText(IEnumerable<string> values) =>
        _forms = [.. values.Where(value => value.Length >= MinLength)
            .SelectMany(value => value.Length > Echo.MaxLength ? [value, Echo.Of(value), value[..60]] : new[] { value })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(form => form.Length)];

    public bool IsEmpty => _forms.Length == 0;

    public string Redact(string message)
    {
        foreach (var form in _forms)
        {
            message = message.Replace(form, Shown, StringComparison.OrdinalIgnoreCase);
        }

        return message;
    }

    public IReadOnlyList<string> Redact(IReadOnlyList<string> messages) => IsEmpty ? messages : [.. messages.Select(Redact)];

    /// <summary>The same failure with its message redacted; one that is not understood keeps only its redacted message.</summary>
    public Exception Redact(Exception error) => IsEmpty || error is OperationCanceledException ? error
        : ProviderFailure.From(error) is { } failure ? new ProviderException(failure.Kind, Redact(failure.Message))
        : new InvalidOperationException(Redact(error.Message));

    /// <summary>A log that redacts every message before it reaches <paramref name="log"/>.</summary>
    public IResourceLog Redacting(IResourceLog log) => IsEmpty ? log : new RedactingLog(log, this);

    private sealed class RedactingLog(IResourceLog inner, SecretText secrets) : IResourceLog
    {
        public Task DebugAsync(string message) => inner.DebugAsync(secrets.Redact(message));
        public Task InfoAsync(string message) => inner.InfoAsync(secrets.Redact(message));
        public Task WarningAsync(string message) => inner.WarningAsync(secrets.Redact(message));
        public Task StatusAsync(string message) => inner.StatusAsync(secrets.Redact(message));
    }
}
