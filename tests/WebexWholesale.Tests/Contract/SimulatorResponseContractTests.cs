using System.Net;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Contract;

/// <summary>Every body the simulator answers for the customer operations, checked against Cisco's OpenAPI contract.</summary>
public sealed class SimulatorResponseContractTests : IAsyncLifetime
{
    private const string Customers = "/wholesale/customers";
    private const string Customer = "/wholesale/customers/{customerId}";
    private SimulatorApi _api = null!;

    public async Task InitializeAsync() => _api = await SimulatorApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private const string CallingCustomer = """
        {"provisioningId": "p", "packages": ["webex_calling", "webex_meetings"], "externalId": "EXTERNAL",
         "address": {"addressLine1": "771 Alder Drive", "city": "Milpitas", "stateOrProvince": "CA", "zipOrPostalCode": "95035", "country": "US"},
         "customerInfo": {"name": "Acme", "primaryEmail": "EMAIL", "language": "en"},
         "provisioningParameters": {"calling": {"location": {"name": "HQ", "timezone": "America/Los_Angeles", "language": "en_us",
           "address": {"addressLine1": "771 Alder Drive", "city": "Milpitas", "country": "US"}}}}}
        """;

    private async Task<string> ProvisionAsync(string externalId)
    {
        using var response = await _api.Http.PostAsync("wholesale/customers",
            SimulatorApi.Json(CallingCustomer.Replace("EXTERNAL", externalId).Replace("EMAIL", $"{externalId}@acme.test")));
        await OpenApiContract.AssertResponseConformsAsync(response, Customers, "post");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        return response.Headers.Location!.Segments[^1];
    }

    private async Task<HttpResponseMessage> GetConformingAsync(string id)
    {
        var response = await _api.Http.GetAsync($"wholesale/customers/{id}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            await OpenApiContract.AssertResponseConformsAsync(response, Customer, "get");
        }

        return response;
    }

    [ContractFact]
    public async Task EveryStateOfALifecycle_Conforms()
    {
        var id = await ProvisionAsync("contract-1");
        using (var provisioning = await GetConformingAsync(id))
        {
            Assert.Contains("\"provisioning\"", await provisioning.Content.ReadAsStringAsync());
        }

        await _api.Simulator.AdvanceAsync(31);
        (await GetConformingAsync(id)).Dispose();

        using (var update = await _api.Http.PutAsync($"wholesale/customers/{id}", SimulatorApi.Json("""{"packages": ["webex_meetings"]}""")))
        {
            await OpenApiContract.AssertResponseConformsAsync(update, Customer, "put");
            Assert.NotNull(update.Headers.Location);
        }

        (await GetConformingAsync(id)).Dispose();
        await _api.Simulator.AdvanceAsync(31);
        using (var remove = await _api.Http.DeleteAsync($"wholesale/customers/{id}"))
        {
            await OpenApiContract.AssertResponseConformsAsync(remove, Customer, "delete");
            Assert.Equal(HttpStatusCode.Accepted, remove.StatusCode);
        }

        (await GetConformingAsync(id)).Dispose();
        await _api.Simulator.AdvanceAsync(31);
        using var gone = await GetConformingAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [ContractFact]
    public async Task FailedAndPartialCustomers_Conform()
    {
        var failed = await ProvisionAsync("sim-fail-contract");
        var partial = await ProvisionAsync("sim-partial-contract");
        await _api.Simulator.AdvanceAsync(31);

        using var error = await GetConformingAsync(failed);
        using var withErrors = await GetConformingAsync(partial);
        Assert.Contains("\"errors\"", await error.Content.ReadAsStringAsync());
        Assert.Contains("provisioned_with_errors", await withErrors.Content.ReadAsStringAsync());
    }

    [ContractFact]
    public async Task ListPages_Conform()
    {
        await ProvisionAsync("contract-a");
        await ProvisionAsync("contract-b");
        await ProvisionAsync("sim-fail-contract-c");
        await _api.Simulator.AdvanceAsync(31);

        using var response = await _api.Http.GetAsync("wholesale/customers?max=2&status=provisioned&status=error");
        await OpenApiContract.AssertResponseConformsAsync(response, Customers, "get");
        Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single());
    }

    [ContractFact]
    public async Task PrecheckSuccess_Conforms()
    {
        using var response = await _api.Http.PostAsync("wholesale/customers/validate", SimulatorApi.Json("""
            {"provisioningId": "p", "packages": ["webex_meetings"], "externalId": "contract-pre",
             "address": {"addressLine1": "1 Main St", "city": "Springfield", "country": "US"},
             "customerInfo": {"name": "Acme", "primaryEmail": "pre@acme.test"}}
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertResponseConformsAsync(response, "/wholesale/customers/validate", "post");
    }

    [ContractFact]
    public async Task ErrorAnswers_UseDeclaredStatusesAndTheWebexErrorBody()
    {
        using var invalid = await _api.Http.PostAsync("wholesale/customers", SimulatorApi.Json("""{"packages": []}"""));
        using var missing = await _api.Http.GetAsync("wholesale/customers/nope");
        using var anonymous = await new HttpClient().GetAsync(new Uri(_api.Simulator.BaseUrl, "/v1/wholesale/customers"));

        foreach (var (response, path, method) in new[] { (invalid, Customers, "post"), (missing, Customer, "get"), (anonymous, Customers, "get") })
        {
            Assert.True(OpenApiContract.Webex.DeclaresStatus(path, method, (int)response.StatusCode));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("\"message\"", body);
            Assert.Contains("\"trackingId\"", body);
            Assert.Contains("\"errors\"", body);
        }
    }
}
