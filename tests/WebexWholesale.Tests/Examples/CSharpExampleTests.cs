using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
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
    public void TheCSharpFleet_IsTheYamlFleet()
    {
        var stream = new YamlStream();
        stream.Load(new StreamReader(Path.Combine(RepositoryPaths.Root, "examples", "yaml", "Pulumi.yaml")));
        var resources = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["resources"];
        var yamlExternalIds = resources.Children.Values.Cast<YamlMappingNode>()
            .Select(r => ((YamlScalarNode)((YamlMappingNode)r["properties"])["externalId"]).Value).Order();

        Assert.Equal(yamlExternalIds, Fleet.Customers.Select(c => c.ExternalId).Order());
    }
}
