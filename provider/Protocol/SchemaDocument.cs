namespace WebexWholesale.Provider.Protocol;

/// <summary>The package schema (<c>schema.json</c> at the repository root), embedded in the plugin at build time.</summary>
public static class SchemaDocument
{
    private static readonly Lazy<string> Text = new(Load);

    public static string Json => Text.Value;

    private static string Load()
    {
        using var stream = typeof(SchemaDocument).Assembly.GetManifestResourceStream("schema.json")
            ?? throw new InvalidOperationException("schema.json is not embedded in the plugin; rebuild it with `make provider`");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
