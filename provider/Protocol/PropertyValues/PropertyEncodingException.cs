namespace WebexWholesale.Provider.Protocol.PropertyValues;

/// <summary>A property value that cannot be encoded or decoded; names the property path.</summary>
public sealed class PropertyEncodingException(string path, string reason)
    : Exception(path.Length == 0 ? reason : $"property {path}: {reason}")
{
    public string PropertyPath { get; } = path;
    public string Reason { get; } = reason;
}
