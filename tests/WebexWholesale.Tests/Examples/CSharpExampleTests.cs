using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;
using WebexWholesale.Tests.Support;
using WebexWholesaleFleet;
using YamlDotNet.RepresentationModel;

namespace WebexWholesale.Tests.Examples;

/// <summary>The C# example's customers.yaml, loaded with the example's own reader and validated like Check would.</summary>
public class CSharpExampleTests
{
    private static readonly FleetFile Fleet = FleetFile.Load(Path.Combine(RepositoryPaths.Root, "examples", "csharp", "customers.yaml"));

    [Fact]
    public void EveryCustomer_PassesTheProvidersValidation()
    {
        foreach (var entry in Fleet.Customers)
        {
            var inputs = FleetProgram.Inputs(Fleet, entry);

            var result = WholesaleCustomerValidation.Validate(new Decoded<WholesaleCustomerInputs>(inputs, PropertyPathSet.Empty, PropertyPathSet.Empty), creating: true, []);

            Assert.True(result.Failures.Count == 0, $"{entry.ExternalId}: {string.Join("; ", result.Failures)}");
        }
    }

    [Fact]
    public void EverySubscriber_PassesTheProvidersValidation_AndHasAUniqueName()
    {
        var subscribers = Fleet.Customers.SelectMany(customer => customer.Subscribers.Select(person => (customer, person))).ToList();
        Assert.True(subscribers.Count >= 3);
        foreach (var (customer, person) in subscribers)
        {
            var inputs = FleetProgram.Inputs(person, customerId: "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMQ");

            var result = WholesaleSubscriberValidation.Validate(new Decoded<WholesaleSubscriberInputs>(inputs, PropertyPathSet.Empty, PropertyPathSet.Empty), []);

            Assert.True(result.Failures.Count == 0, $"{person.Email}: {string.Join("; ", result.Failures)}");
        }

        var names = subscribers.Select(pair => FleetFile.ResourceName(pair.customer, pair.person)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void TheCSharpFleet_IsTheYamlFleet()
    {
        var stream = new YamlStream();
        stream.Load(new StreamReader(Path.Combine(RepositoryPaths.Root, "examples", "yaml", "Pulumi.yaml")));
        var resources = ((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["resources"]).Children.Values.Cast<YamlMappingNode>().ToList();
        string Property(YamlMappingNode resource, string name) => ((YamlScalarNode)((YamlMappingNode)resource["properties"])[name]).Value!;
        bool OfType(YamlMappingNode resource, string type) => ((YamlScalarNode)resource["type"]).Value!.EndsWith(type, StringComparison.Ordinal);
        var yamlExternalIds = resources.Where(r => OfType(r, ":WholesaleCustomer")).Select(r => Property(r, "externalId")).Order();
        var yamlEmails = resources.Where(r => OfType(r, ":WholesaleSubscriber")).Select(r => Property(r, "email"));

        Assert.Equal(yamlExternalIds, Fleet.Customers.Select(c => c.ExternalId).Order());
        Assert.Subset(Fleet.Customers.SelectMany(c => c.Subscribers).Select(s => s.Email).ToHashSet(), yamlEmails.ToHashSet());
    }
}
