using Pulumi;
using Pulumi.WebexWholesale;
using Pulumi.WebexWholesale.Inputs;

namespace WebexWholesaleFleet;

/// <summary>
/// The resources of a fleet file: a customer per entry, a subscriber per person. One code for the fleet example and for
/// the estate's shards (../estate/csharp), so that a shard declares exactly what the whole fleet would.
/// </summary>
public static class FleetResources
{
    /// <returns>each resource's status, as stack outputs</returns>
    public static Dictionary<string, object?> Declare(FleetFile fleet)
    {
        var statuses = new Dictionary<string, object?>();

        foreach (var entry in fleet.Customers)
        {
            // A customer adopted from Partner Hub may leave out what Webex does not return (template, name, e-mail).
            var customer = new WholesaleCustomer(FleetFile.ResourceName(entry), new WholesaleCustomerArgs
            {
                ProvisioningId = string.IsNullOrEmpty(fleet.ProvisioningId) ? null : fleet.ProvisioningId,
                ExternalId = entry.ExternalId,
                Address = ToArgs(entry.Address),
                CustomerInfo = string.IsNullOrEmpty(entry.Name) && string.IsNullOrEmpty(entry.PrimaryEmail)
                    ? null!
                    : new CustomerInfoArgs { Name = entry.Name, PrimaryEmail = entry.PrimaryEmail, Language = entry.Language! },
                Packages = entry.Packages,
                ProvisioningParameters = entry.CallingLocation is { } location
                    ? new ProvisioningParametersArgs
                    {
                        Calling = new CallingParametersArgs
                        {
                            Location = new CallingLocationArgs
                            {
                                Name = location.Name,
                                Timezone = location.Timezone,
                                Language = location.Language,
                                Address = ToArgs(location.Address ?? entry.Address),
                            },
                        },
                    }
                    : null!,
            }, new CustomResourceOptions { ImportId = entry.WebexId! });
            statuses[$"{entry.ExternalId}Status"] = customer.Status;

            foreach (var person in entry.Subscribers)
            {
                // customer.Id orders the engine's work: the customer is provisioned before its subscribers, removed after them.
                var subscriber = new WholesaleSubscriber(FleetFile.ResourceName(entry, person), new WholesaleSubscriberArgs
                {
                    CustomerId = customer.Id,
                    Email = person.Email,
                    Packages = person.Packages,
                    ProvisioningParameters = new SubscriberProvisioningParametersArgs
                    {
                        FirstName = person.FirstName!, LastName = person.LastName!, Extension = person.Extension!, PrimaryPhoneNumber = person.PrimaryPhoneNumber!,
                    },
                }, new CustomResourceOptions { ImportId = person.WebexId! });
                statuses[$"{FleetFile.ResourceName(entry, person)}Status"] = subscriber.Status;
            }
        }

        return statuses;
    }

    private static AddressArgs ToArgs(AddressEntry address) => new()
    {
        AddressLine1 = address.AddressLine1,
        AddressLine2 = address.AddressLine2!,
        City = address.City,
        StateOrProvince = address.StateOrProvince!,
        ZipOrPostalCode = address.ZipOrPostalCode!,
        Country = address.Country,
    };
}
