using WebexWholesale.Exporter;
using WebexWholesale.Exporter.Audit;

namespace WebexWholesale.Tests.Exporter;

/// <summary>Reading `pulumi stack export` files: customers and subscribers only, secrets never decoded, resources about to be deleted or only read (`get`) left out.</summary>
public sealed class StackExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stack-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Secret = """{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:NEVER-READ"}""";

    [Fact]
    public void TheCustomersAndSubscribers_AreRead_WithTheirStackAndName_AndSecretsCountAsAbsent()
    {
        var path = Write($$$"""
            {"version": 3, "deployment": {"resources": [
              {"urn": "urn:pulumi:prod::estate::pulumi:pulumi:Stack::estate-prod", "type": "pulumi:pulumi:Stack"},
              {"urn": "urn:pulumi:prod::estate::webex-wholesale:index:WholesaleCustomer::acme", "type": "webex-wholesale:index:WholesaleCustomer", "id": "c1",
               "outputs": {"externalId": "acme", "packages": ["webex_meetings", null, 3], "onBehalfOfSubPartnerOrgId": {{{Secret}}}}},
              {"urn": "urn:pulumi:prod::estate::webex-wholesale:index:WholesaleSubscriber::acme-ann", "type": "webex-wholesale:index:WholesaleSubscriber", "id": "s1",
               "inputs": {"email": {{{Secret}}}, "customerId": "c1", "packages": ["webex_calling"]}},
              {"urn": "urn:pulumi:prod::estate::webex-wholesale:index:WholesaleCustomer::old", "type": "webex-wholesale:index:WholesaleCustomer", "id": "c0", "delete": true},
              {"urn": "urn:pulumi:prod::estate::webex-wholesale:index:WholesaleCustomer::pending", "type": "webex-wholesale:index:WholesaleCustomer", "id": ""},
              {"urn": "urn:pulumi:prod::estate::webex-wholesale:index:WholesaleCustomer::looked-up", "type": "webex-wholesale:index:WholesaleCustomer", "id": "c7", "external": true},
              {"urn": "urn:pulumi:prod::estate::aws:s3/bucket:Bucket::b", "type": "aws:s3/bucket:Bucket", "id": "b"},
              null, 42
            ]}}
            """);

        var declared = StackExport.Read(path);

        Assert.Equal(["c1", "s1"], declared.Select(resource => resource.Id));
        var customer = declared[0];
        Assert.Equal(("estate/prod", "acme", "acme", (string?)null), (customer.Stack, customer.Name, customer.Label, customer.SubPartner));
        Assert.Equal(["webex_meetings"], customer.Packages);
        Assert.Equal((null, "c1"), (declared[1].Label, declared[1].CustomerId));
        Assert.DoesNotContain(declared, resource => $"{resource}".Contains("NEVER-READ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"version": 2, "deployment": {"resources": []}}""", "version 2")]
    [InlineData("""{"version": 3}""", "no \"deployment\" object")]
    [InlineData("""{"version": 3, "deployment": {"resources": {}}}""", "is not a list")]
    [InlineData("""[1, 2""", "is not a stack export (JSON")]
    public void AFileThatIsNotAVersion3Export_IsOneClearError(string json, string message)
    {
        var path = Write(json);

        var error = Assert.Throws<ExportException>(() => StackExport.Read(path));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyStack_DeclaresNothing() =>
        Assert.Empty(StackExport.Read(Write("""{"version": 3, "deployment": {"manifest": {}, "resources": null}}""")));
}
