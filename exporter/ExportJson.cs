using System.Text.Json.Serialization;

namespace WebexWholesale.Exporter;

/// <summary>Source-generated metadata for the scalars the fleet file writer quotes.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(string))]
internal sealed partial class ExportJson : JsonSerializerContext;
