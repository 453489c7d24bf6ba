using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WebexWholesaleFleet;

/// <summary>customers.yaml: the fleet as data. Kept free of Pulumi types so that it can be loaded and checked on its own.</summary>
public sealed class FleetFile
{
    public string ProvisioningId { get; set; } = "";
    public List<CustomerEntry> Customers { get; set; } = [];

    public static FleetFile Load(string path) =>
        new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<FleetFile>(File.ReadAllText(path));
}

public sealed class CustomerEntry
{
    public string ExternalId { get; set; } = "";
    public string Name { get; set; } = "";
    public string PrimaryEmail { get; set; } = "";
    public string? Language { get; set; }
    public List<string> Packages { get; set; } = [];
    public AddressEntry Address { get; set; } = new();

    /// <summary>The first calling location; needed when the packages include a calling package.</summary>
    public LocationEntry? CallingLocation { get; set; }
}

public sealed class AddressEntry
{
    public string AddressLine1 { get; set; } = "";
    public string? AddressLine2 { get; set; }
    public string City { get; set; } = "";
    public string? StateOrProvince { get; set; }
    public string? ZipOrPostalCode { get; set; }
    public string Country { get; set; } = "";
}

public sealed class LocationEntry
{
    public string Name { get; set; } = "";
    public string Timezone { get; set; } = "";
    public string Language { get; set; } = "";

    /// <summary>Defaults to the customer's billing address.</summary>
    public AddressEntry? Address { get; set; }
}
