namespace WebexWholesale.Provider.Resources.Errors;

/// <summary>A failure with a message written for the person running Pulumi, and its <see cref="ProviderErrorKind"/>.</summary>
public sealed class ProviderException(ProviderErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public ProviderErrorKind Kind { get; } = kind;

    public static ProviderException NotConfigured() => new(ProviderErrorKind.NotConfigured,
        "the webex-wholesale provider is not configured: its configuration is not known yet (it may depend on another resource's output)");

    public static ProviderException Conflict(string message) => new(ProviderErrorKind.Conflict, message);
}
