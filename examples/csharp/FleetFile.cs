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

    /// <summary>The name of a subscriber's resource in the stack: unique, since an e-mail is one subscriber.</summary>
    public static string ResourceName(CustomerEntry customer, SubscriberEntry subscriber) =>
        string.IsNullOrEmpty(subscriber.PulumiName) ? $"{ResourceName(customer)}-{subscriber.Email.Split('@')[0]}" : subscriber.PulumiName;

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

    /// <summary>The people of the customer: what changes most often (joiners, leavers, package moves).</summary>
    public List<SubscriberEntry> Subscribers { get; set; } = [];
}

public sealed class SubscriberEntry
{
    public string Email { get; set; } = "";

    /// <summary>One base package (webex_meetings, webex_calling, webex_suite, …) plus add-ons such as attendant_console.</summary>
    public List<string> Packages { get; set; } = [];

    public string? FirstName { get; set; }
    public string? LastName { get; set; }

    /// <summary>A calling package needs the extension or the phone number.</summary>
    public string? Extension { get; set; }
    public string? PrimaryPhoneNumber { get; set; }

    /// <summary>The Webex subscriber id of a subscriber adopted from Partner Hub (webex-wholesale-export sets it).</summary>
    public string? WebexId { get; set; }

    /// <summary>The Pulumi resource name; defaults to the customer's name and the e-mail's local part.</summary>
    public string? PulumiName { get; set; }
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
