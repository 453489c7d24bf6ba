using System.Net;
using System.Net.Http.Json;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Contract;

/// <summary>
/// The subscriber paths against Cisco's OpenAPI contract, both ways: what the client sends (bodies, query parameters)
/// and what the simulator answers in every state (200, 202 pending_user_migration, lists, 204, errors).
/// </summary>
public sealed class SubscriberContractTests : IAsyncLifetime
{
    private const string Subscribers = "/wholesale/subscribers";
    private const string Subscriber = "/wholesale/subscribers/{subscriberId}";
    private static readonly SubscriberProvisioningParameters Parameters = new()
    {
        FirstName = "Ada", LastName = "Lovelace", PrimaryPhoneNumber = "+14085550100", Extension = "0100", LocationId = "Y2lzY29zcGFyazovL3Vz",
    };

    private SimulatorApi _api = null!;

    public async Task InitializeAsync() => _api = await SimulatorApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    // --- what the client sends --------------------------------------------------------------------------------------

    private static (WholesaleSubscribersClient Client, FakeWebexTransport Transport) Capture(HttpStatusCode status, string json)
    {
        var time = FakeClock.Create();
        var transport = new FakeWebexTransport(time).Then(status, json);
        return (new WholesaleSubscribersClient(WebexHttp.CreateClient(1, time, null, null, transport), new Uri("https://webexapis.com/v1"), "t"), transport);
    }

    private static HashSet<string> QueryNames(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => Uri.UnescapeDataString(pair.Split('=')[0])).ToHashSet();

    private const string ProvisionedAnswer = """{"id": "s1", "email": "ada@acme.test", "customerId": "c1", "packages": ["webex_calling"], "status": "provisioned"}""";

    [ContractFact]
    public async Task ProvisionBody_SendsPackagesNotTheDeprecatedPackage_AndConforms()
    {
        var (client, transport) = Capture(HttpStatusCode.OK, ProvisionedAnswer);

        await client.ProvisionAsync(new ProvisionSubscriberRequest
        {
            CustomerId = "c1", Email = "ada@acme.test", Packages = ["webex_calling", "attendant_console"], ProvisioningParameters = Parameters,
        }, "sub-partner-org", CancellationToken.None);

        var sent = transport.Requests.Single();
        await OpenApiContract.AssertRequestConformsAsync(Subscribers, "post", sent.Body!);
        Assert.DoesNotContain("\"package\"", sent.Body, StringComparison.Ordinal);
        Assert.Subset(OpenApiContract.Webex.QueryParameters(Subscribers, "post").ToHashSet(), QueryNames(sent.Uri));
    }

    [ContractFact]
    public async Task UpdateBody_FromAMoveToCalling_CarriesOnlyTheParametersAPutDeclares_AndConforms()
    {
        var (client, transport) = Capture(HttpStatusCode.OK, ProvisionedAnswer);
        var news = new WholesaleSubscriberInputs
        {
            CustomerId = "c1", Email = "ada@acme.test", Packages = ["webex_calling"],
            ProvisioningParameters = new SubscriberProvisioningParametersInput
            {
                FirstName = "Ada", LastName = "Lovelace", PrimaryPhoneNumber = "+14085550100", Extension = "0100", LocationId = "Y2lzY29zcGFyazovL3Vz",
            },
        };

        await client.UpdateAsync("s1", WholesaleSubscriberMapping.ToUpdate(news, movesToCalling: true), null, CancellationToken.None);

        await OpenApiContract.AssertRequestConformsAsync(Subscriber, "put", transport.Requests.Single().Body!);
    }

    [ContractFact]
    public async Task PrecheckBody_Conforms()
    {
        var (client, transport) = Capture(HttpStatusCode.OK, """{"message": "success"}""");

        await client.PrecheckAsync(new PrecheckSubscriberRequest
        {
            CustomerId = "c1", Email = "ada@acme.test", Packages = ["webex_meetings"], ProvisioningParameters = Parameters,
        }, null, CancellationToken.None);

        await OpenApiContract.AssertRequestConformsAsync("/wholesale/subscribers/validate", "post", transport.Requests.Single().Body!);
    }

    [ContractFact]
    public async Task ListQuery_UsesOnlyDeclaredParameters()
    {
        var (client, transport) = Capture(HttpStatusCode.OK, """{"items": []}""");

        await foreach (var _ in client.ListAsync(new SubscriberListFilter
        {
            CustomerId = "c1", PersonId = "p1", ExternalCustomerId = "e1", Email = "ada@acme.test", Status = [SubscriberStatus.Provisioned],
            After = "2026-01-01T00:00:00Z", LastStatusChange = "2026-01-01T00:00:00Z", SortBy = "created", SortOrder = "ASC", PageSize = 100,
        }, "sub-partner-org", CancellationToken.None))
        {
        }

        var names = QueryNames(transport.Requests.Single().Uri);
        Assert.Subset(OpenApiContract.Webex.QueryParameters(Subscribers, "get").ToHashSet(), names);
        Assert.Contains("customerId", names);
        Assert.Contains("onBehalfOfSubPartnerOrgId", names);
    }

    // --- what the simulator answers ---------------------------------------------------------------------------------

    private async Task<string> ProvisionedCustomerAsync(string externalId)
    {
        using var response = await _api.Http.PostAsync("wholesale/customers", SimulatorApi.Json($$$"""
            {"provisioningId": "p", "packages": ["webex_meetings"], "externalId": "{{{externalId}}}",
             "address": {"addressLine1": "1 Main St", "city": "Springfield", "country": "US"},
             "customerInfo": {"name": "Acme", "primaryEmail": "{{{externalId}}}@acme.test"}}
            """));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _api.Simulator.AdvanceAsync(31);
        return response.Headers.Location!.Segments[^1];
    }

    private static string NewSubscriber(string customerId, string email, string package = "webex_meetings") =>
        $$$"""{"customerId": "{{{customerId}}}", "email": "{{{email}}}", "packages": ["{{{package}}}"], "provisioningParameters": {"firstName": "Ada", "lastName": "L", "extension": "0100"}}""";

    [ContractFact]
    public async Task EveryStateOfASubscriber_Conforms()
    {
        var customer = await ProvisionedCustomerAsync("contract-sub-1");

        using var created = await _api.Http.PostAsync("wholesale/subscribers", SimulatorApi.Json(NewSubscriber(customer, "ada@acme.test")));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        await OpenApiContract.AssertResponseConformsAsync(created, Subscribers, "post");
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;

        using (var got = await _api.Http.GetAsync($"wholesale/subscribers/{id}"))
        {
            await OpenApiContract.AssertResponseConformsAsync(got, Subscriber, "get");
        }

        using (var moved = await _api.Http.PutAsync($"wholesale/subscribers/{id}",
                   SimulatorApi.Json("""{"packages": ["webex_calling"], "provisioningParameters": {"extension": "0100"}}""")))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            await OpenApiContract.AssertResponseConformsAsync(moved, Subscriber, "put");
        }

        using (var list = await _api.Http.GetAsync($"wholesale/subscribers?customerId={customer}&max=1"))
        {
            await OpenApiContract.AssertResponseConformsAsync(list, Subscribers, "get");
        }

        using (var removed = await _api.Http.DeleteAsync($"wholesale/subscribers/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            await OpenApiContract.AssertResponseConformsAsync(removed, Subscriber, "delete");
        }

        using var gone = await _api.Http.GetAsync($"wholesale/subscribers/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.True(OpenApiContract.Webex.DeclaresStatus(Subscriber, "get", 404));
    }

    [ContractFact]
    public async Task AFreeAccount_AnswersA202PendingUserMigration_ThatConforms_AndTheConsentResendIsA204()
    {
        var customer = await ProvisionedCustomerAsync("contract-sub-2");
        (await _api.Simulator.Control.PostAsJsonAsync("free-accounts", new { email = "free@gmail.test" })).EnsureSuccessStatusCode();

        using var pending = await _api.Http.PostAsync("wholesale/subscribers", SimulatorApi.Json(NewSubscriber(customer, "free@gmail.test")));

        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        await OpenApiContract.AssertResponseConformsAsync(pending, Subscribers, "post");
        var body = await pending.Content.ReadAsStringAsync();
        Assert.Contains("pending_user_migration", body, StringComparison.Ordinal);
        Assert.DoesNotContain("personId", body, StringComparison.Ordinal);
        var id = (await pending.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        using var resent = await _api.Http.PostAsync(new Uri(_api.Simulator.BaseUrl, $"/v1/subscribers/{id}/emails/consentMove"), SimulatorApi.Json("{}"));
        await OpenApiContract.AssertResponseConformsAsync(resent, "/subscribers/{subscriberId}/emails/consentMove", "post");
    }

    [ContractFact]
    public async Task PrecheckSubPartnersAndErrors_Conform()
    {
        var customer = await ProvisionedCustomerAsync("contract-sub-3");
        using (var precheck = await _api.Http.PostAsync("wholesale/subscribers/validate", SimulatorApi.Json(NewSubscriber(customer, "pre@acme.test"))))
        {
            Assert.True(precheck.StatusCode == HttpStatusCode.OK, await precheck.Content.ReadAsStringAsync());
            await OpenApiContract.AssertResponseConformsAsync(precheck, "/wholesale/subscribers/validate", "post");
        }

        using (var subPartners = await _api.Http.GetAsync("wholesale/subPartners?provisioningState=active"))
        {
            await OpenApiContract.AssertResponseConformsAsync(subPartners, "/wholesale/subPartners", "get");
        }

        (await _api.Http.PostAsync("wholesale/subscribers", SimulatorApi.Json(NewSubscriber(customer, "twice@acme.test")))).Dispose();
        using var again = await _api.Http.PostAsync("wholesale/subscribers", SimulatorApi.Json(NewSubscriber(customer, "TWICE@acme.test")));
        using var twoBases = await _api.Http.PostAsync("wholesale/subscribers",
            SimulatorApi.Json($$$"""{"customerId": "{{{customer}}}", "email": "two@acme.test", "packages": ["webex_meetings", "webex_calling"], "provisioningParameters": {"extension": "1"}}"""));
        foreach (var refused in new[] { again, twoBases })
        {
            Assert.True(OpenApiContract.Webex.DeclaresStatus(Subscribers, "post", (int)refused.StatusCode), refused.StatusCode.ToString());
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("\"trackingId\"", body, StringComparison.Ordinal);
            Assert.Contains("\"errors\"", body, StringComparison.Ordinal);
        }

        Assert.Contains("10022", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record IdOnly(string Id);
}
