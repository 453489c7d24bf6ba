using System.Text.Json;
using System.Text.Json.Serialization;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;

namespace WebexWholesale.Exporter;

/// <summary>
/// Pulumi's bulk import file (<c>pulumi import --file</c>): one entry per customer, by type, name and id, each followed
/// by its subscribers.
/// </summary>
public static class ImportFileWriter
{
    /// <param name="subscribersAlone">subscribers whose customer a stack already holds (the audit's), after the customers</param>
    public static string Write(IReadOnlyList<ExportedCustomer> customers, IReadOnlyList<ExportedSubscriber>? subscribersAlone = null) =>
        JsonSerializer.Serialize(new ImportFile
        {
            Resources = [.. customers.SelectMany(customer => customer.Subscribers
                .Select(subscriber => Entry(WholesaleSubscriberResource.TypeToken, subscriber.PulumiName, subscriber.Id))
                .Prepend(Entry(WholesaleCustomerResource.TypeToken, customer.PulumiName, customer.Id)))
                .Concat((subscribersAlone ?? []).Select(subscriber => Entry(WholesaleSubscriberResource.TypeToken, subscriber.PulumiName, subscriber.Id)))],
        }, ImportFileJson.Default.ImportFile) + "\n";

    private static ImportResource Entry(string type, string name, string id) => new() { Type = type, Name = name, Id = id, Version = ProviderSession.Version };
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
