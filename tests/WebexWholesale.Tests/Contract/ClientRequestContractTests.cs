using System.Net;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Contract;

/// <summary>The bodies and query parameters the client sends, checked against Cisco's OpenAPI contract.</summary>
public class ClientRequestContractTests
{
    private static readonly CustomerAddress Address = new()
    {
        AddressLine1 = "771 Alder Drive", AddressLine2 = "Cisco Site 5", City = "Milpitas", StateOrProvince = "CA", ZipOrPostalCode = "95035", Country = "US",
    };

    private static readonly ProvisioningParameters FullParameters = new()
    {
        Calling = new CallingParameters
        {
            Location = new CallingLocation
            {
                Name = "Head Office", Address = Address, Timezone = "America/Los_Angeles", Language = "en_us", EmergencyLocationIdentifier = "95547",
            },
        },
        Meetings = new MeetingsParameters { Timezone = "America/Los_Angeles" },
        Packages = new PackageParameters { Limits = new Dictionary<string, double> { ["webex_calling"] = 50, ["webex_meetings"] = 20 } },
    };

    private static (WholesaleCustomersClient Client, FakeWebexTransport Transport) Capture(HttpStatusCode status, string json)
    {
        var time = FakeClock.Create();
        var transport = new FakeWebexTransport(time).Then(status, json);
        return (new WholesaleCustomersClient(WebexHttp.CreateClient(1, time, null, null, transport), new Uri("https://webexapis.com/v1"), "t"), transport);
    }

    [ContractFact]
    public async Task ProvisionBody_WithEveryField_Conforms()
    {
        var (client, transport) = Capture(HttpStatusCode.Accepted, """{"url": "https://webexapis.com/v1/wholesale/customers/x"}""");

        await client.ProvisionAsync(new ProvisionCustomerRequest
        {
            ProvisioningId = "ZjViMzYxODc", Packages = ["webex_calling", "webex_meetings"], ExternalId = "c1677a16", Address = Address,
            CustomerInfo = new CustomerInfo { Name = "John's Pizza", PrimaryEmail = "john@acme.test", Language = "en" },
            ProvisioningParameters = FullParameters, SubPartnerAdminEmail = "admin@subpartner.test",
        }, "sub-partner-org", CancellationToken.None);

        await OpenApiContract.AssertRequestConformsAsync("/wholesale/customers", "post", transport.Requests.Single().Body!);
        Assert.Subset(OpenApiContract.Webex.QueryParameters("/wholesale/customers", "post").ToHashSet(), QueryNames(transport.Requests.Single().Uri));
    }

    [ContractFact]
    public async Task ProvisionBody_ForAnExistingOrg_Conforms()
    {
        var (client, transport) = Capture(HttpStatusCode.Accepted, """{"url": "https://webexapis.com/v1/wholesale/customers/x"}""");

        await client.ProvisionAsync(new ProvisionCustomerRequest
        {
            ProvisioningId = "p", Packages = ["webex_meetings"], ExternalId = "e", Address = Address, OrgId = "Y2lzY29zcGFyazovL3Vz",
        }, null, CancellationToken.None);

        await OpenApiContract.AssertRequestConformsAsync("/wholesale/customers", "post", transport.Requests.Single().Body!);
    }

    [ContractFact]
    public async Task UpdateBody_Conforms()
    {
        var (client, transport) = Capture(HttpStatusCode.Accepted, "");

        await client.UpdateAsync("c1", new UpdateCustomerRequest
        {
            ExternalId = "e2", Packages = ["webex_calling"], Address = Address, ProvisioningParameters = FullParameters, SubPartnerAdminEmail = "a@b.test",
        }, null, CancellationToken.None);

        await OpenApiContract.AssertRequestConformsAsync("/wholesale/customers/{customerId}", "put", transport.Requests.Single().Body!);
    }

    [ContractFact]
    public async Task PrecheckBody_Conforms()
    {
        var (client, transport) = Capture(HttpStatusCode.OK, """{"message": "success"}""");

        await client.PrecheckAsync(new PrecheckCustomerRequest
        {
            ProvisioningId = "p", Packages = ["webex_calling"], ExternalId = "e", Address = Address,
            CustomerInfo = new PrecheckCustomerInfo { Name = "n", PrimaryEmail = "e@x.test" },
            ProvisioningParameters = FullParameters with { Packages = null },
        }, null, CancellationToken.None);

        await OpenApiContract.AssertRequestConformsAsync("/wholesale/customers/validate", "post", transport.Requests.Single().Body!);
    }

    [ContractFact]
    public async Task ListQuery_UsesOnlyDeclaredParameters()
    {
        var (client, transport) = Capture(HttpStatusCode.OK, """{"items": []}""");

        await foreach (var _ in client.ListAsync(new CustomerListFilter { ExternalId = "e", OrgId = "o", Status = ["error"], PageSize = 10 }, "s", CancellationToken.None))
        {
        }

        Assert.Subset(OpenApiContract.Webex.QueryParameters("/wholesale/customers", "get").ToHashSet(), QueryNames(transport.Requests.Single().Uri));
    }

    [ContractFact]
    public async Task TheCheckCanFail_AnUndeclaredOrMistypedFieldIsReported()
    {
        var schema = OpenApiContract.Webex.RequestSchema("/wholesale/customers", "post");

        var problems = await OpenApiContract.ValidateAsync(schema,
            """{"provisioningId": "p", "packages": ["not_a_package"], "externalId": 5, "address": {"addressLine1": "a", "city": "c", "country": "US", "county": "x"}}""");

        Assert.Contains(problems, p => p.Contains("packages"));
        Assert.Contains(problems, p => p.Contains("externalId"));
        Assert.Contains(problems, p => p.Contains("county") && p.Contains("not declared"));
    }

    [ContractFact]
    public async Task LegacyLocationFields_AreOmittedUnlessSet()
    {
        var (client, transport) = Capture(HttpStatusCode.Accepted, "");

        await client.UpdateAsync("c1", new UpdateCustomerRequest { Packages = ["webex_calling"], ProvisioningParameters = FullParameters }, null, CancellationToken.None);

        Assert.DoesNotContain("numbers", transport.Requests.Single().Body);
        Assert.DoesNotContain("mainNumber", transport.Requests.Single().Body);
    }

    private static HashSet<string> QueryNames(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => Uri.UnescapeDataString(pair.Split('=')[0])).ToHashSet();
}
