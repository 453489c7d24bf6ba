namespace WebexWholesale.Provider.Protocol.PropertyValues;

/// <summary>A property value that cannot be encoded or decoded; names the property path.</summary>
public sealed class PropertyEncodingException(string path, string reason, bool tooDeep = false)
    : Exception(path.Length == 0 ? reason : $"property {path}: {reason}")
{
    public string PropertyPath { get; } = path;
    public string Reason { get; } = reason;

    /// <summary>The value nests past the codec's depth limit: it is not echoed back, as its depth may be thousands.</summary>
    public bool TooDeep { get; } = tooDeep;
}
