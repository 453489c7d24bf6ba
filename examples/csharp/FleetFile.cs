using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WebexWholesaleFleet;

/// <summary>customers.yaml: the fleet as data. Kept free of Pulumi types so that it can be loaded and checked on its own.</summary>
public sealed class FleetFile
{
    public string ProvisioningId { get; set; } = "";
    public List<CustomerEntry> Customers { get; set; } = [];

    /// <summary>The name of the customer's resource in the stack.</summary>
    public static string ResourceName(CustomerEntry entry) => string.IsNullOrEmpty(entry.PulumiName) ? entry.ExternalId : entry.PulumiName;

    public static FleetFile Load(string path) =>
        new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<FleetFile>(File.ReadAllText(path));
}

public sealed class CustomerEntry
{
    public string ExternalId { get; set; } = "";

    /// <summary>The Pulumi resource name, where the externalId is not a plain name (webex-wholesale-export sets it).</summary>
    public string? PulumiName { get; set; }

    /// <summary>The Webex customer id of a customer adopted from Partner Hub (webex-wholesale-export sets it).</summary>
    public string? WebexId { get; set; }

    /// <summary>The name and <see cref="PrimaryEmail"/> are needed to create the customer; an adopted one may leave them empty.</summary>
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
