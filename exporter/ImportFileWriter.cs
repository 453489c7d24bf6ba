using System.Text.Json;
using System.Text.Json.Serialization;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Resources.WholesaleCustomer;

namespace WebexWholesale.Exporter;

/// <summary>Pulumi's bulk import file (<c>pulumi import --file</c>): one entry per customer, by type, name and id.</summary>
public static class ImportFileWriter
{
    public static string Write(IReadOnlyList<ExportedCustomer> customers) =>
        JsonSerializer.Serialize(new ImportFile
        {
            Resources = [.. customers.Select(customer => new ImportResource
            {
                Type = WholesaleCustomerResource.TypeToken, Name = customer.PulumiName, Id = customer.Id, Version = ProviderSession.Version,
            })],
        }, ImportFileJson.Default.ImportFile) + "\n";
}

public sealed record ImportFile
{
    public required IReadOnlyList<ImportResource> Resources { get; init; }
}

public sealed record ImportResource
{
    public required string Type { get; init; }
    public required string Name { get; init; }
    public required string Id { get; init; }
    public string? Version { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImportFile))]
public sealed partial class ImportFileJson : JsonSerializerContext;
