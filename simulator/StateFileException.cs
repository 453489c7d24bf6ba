namespace WebexWholesale.Simulator;

/// <summary>The state file cannot be read or written; the message says which file and why.</summary>
public sealed class StateFileException(string message, Exception? inner = null) : Exception(message, inner);
