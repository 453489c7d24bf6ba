namespace WebexWholesale.Exporter;

/// <summary>An export that cannot finish, with one line for the user; nothing was written.</summary>
public sealed class ExportException(string message, Exception? inner = null) : Exception(message, inner);
