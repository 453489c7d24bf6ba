using System.Net;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Webex;

/// <summary>The client against the simulator started as a process: real HTTP, real asynchronous provisioning.</summary>
public sealed class WholesaleCustomersClientIntegrationTests : IAsyncLifetime
{
    private static readonly WebexRetryOptions FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) };
    private SimulatorProcess _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SimulatorProcess.StartAsync();

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    private WholesaleCustomersClient Client(string token = SimulatorProcess.WriteToken) =>
        new(WebexHttp.CreateClient(4, TimeProvider.System, null, FastRetries), _simulator.BaseUrl, token);

    private static ProvisionCustomerRequest NewCustomer(string externalId, string email) => new()
    {
        ProvisioningId = "template-1",
        Packages = ["webex_meetings"],
        ExternalId = externalId,
        Address = new CustomerAddress { AddressLine1 = "1 Main St", City = "Springfield", Country = "US", ZipOrPostalCode = "12345" },
        CustomerInfo = new CustomerInfo { Name = "Acme", PrimaryEmail = email, Language = "en" },
    };

    private static readonly CallingLocation HeadOffice = new()
    {
        Name = "Head Office", Timezone = "America/Chicago", Language = "en_us",
        Address = new CustomerAddress { AddressLine1 = "1 Main St", City = "Springfield", Country = "US" },
    };

    /// <summary>Lets the simulated provisioning time pass, then reads the customer (null once removed).</summary>
    private async Task<Customer> AfterProvisioningTimeAsync(WholesaleCustomersClient client, string id)
    {
        await _simulator.AdvanceAsync(31);
        return (await client.GetAsync(id, null, CancellationToken.None))!;
    }

    [Fact]
    public async Task Provision_Wait_Get_Update_Remove_ThenNotFound()
    {
        var client = Client();

        var id = await client.ProvisionAsync(NewCustomer("acme-1", "it@acme.test"), null, CancellationToken.None);
        var provisioning = await client.GetAsync(id, null, CancellationToken.None);
        Assert.Equal(CustomerStatus.Provisioning, provisioning!.Status);

        var provisioned = await AfterProvisioningTimeAsync(client, id);
        Assert.Equal(CustomerStatus.Provisioned, provisioned.Status);
        Assert.NotNull(provisioned.OrgId);
        Assert.Equal("acme-1", provisioned.ExternalId);

        await client.UpdateAsync(id, new UpdateCustomerRequest
        {
            Packages = ["webex_meetings", "webex_calling"],
            ProvisioningParameters = new ProvisioningParameters { Calling = new CallingParameters { Location = HeadOffice } },
        }, null, CancellationToken.None);
        var updating = await client.GetAsync(id, null, CancellationToken.None);
        Assert.Equal(CustomerStatus.Updating, updating!.Status);
        Assert.Contains(updating.ResourceDetails!.Packages!, p => p is { Name: "webex_calling", Status: "provisioning" });

        var updated = await AfterProvisioningTimeAsync(client, id);
        Assert.Equal(["webex_meetings", "webex_calling"], updated.Packages!);

        // The packages list is complete: what is left out is removed.
        await client.UpdateAsync(id, new UpdateCustomerRequest { Packages = ["webex_calling"] }, null, CancellationToken.None);
        Assert.Equal(["webex_calling"], (await AfterProvisioningTimeAsync(client, id)).Packages!);

        Assert.True(await client.RemoveAsync(id, null, CancellationToken.None));
        Assert.Equal(CustomerStatus.Deleting, (await client.GetAsync(id, null, CancellationToken.None))!.Status);
        Assert.Null(await AfterProvisioningTimeAsync(client, id));
        Assert.False(await client.RemoveAsync(id, null, CancellationToken.None));
    }

    [Fact]
    public async Task BackgroundFailures_AppearOnlyOnGet()
    {
        var client = Client();
        var failed = await client.ProvisionAsync(NewCustomer("sim-fail-1", "f@acme.test"), null, CancellationToken.None);
        var partial = await client.ProvisionAsync(NewCustomer("sim-partial-1", "p@acme.test"), null, CancellationToken.None);

        var error = await AfterProvisioningTimeAsync(client, failed);
        var withErrors = await AfterProvisioningTimeAsync(client, partial);

        Assert.Equal(CustomerStatus.Error, error.Status);
        Assert.NotEmpty(error.Errors!);
        Assert.Equal(CustomerStatus.ProvisionedWithErrors, withErrors.Status);
        Assert.Contains(withErrors.ResourceDetails!.Packages!, p => p.Status == "error" && p.Errors!.Count > 0);
    }

    [Fact]
    public async Task ServerFaultsAndRateLimits_AreSurvived()
    {
        var client = Client();
        var id = await client.ProvisionAsync(NewCustomer("acme-2", "two@acme.test"), null, CancellationToken.None);
        await _simulator.QueueFaultAsync(new { count = 2, status = 503, method = "GET" });
        await _simulator.QueueFaultAsync(new { count = 1, status = 429, retryAfter = "1", method = "GET" });

        var customer = await client.GetAsync(id, null, CancellationToken.None);

        Assert.Equal(id, customer!.Id);
        var gets = (await _simulator.RequestsAsync()).Where(r => r.Method == "GET").Select(r => r.Status).ToList();
        Assert.Equal([503, 503, 429, 200], gets);
    }

    [Fact]
    public async Task DroppedConnectionOnGet_IsSurvived()
    {
        var client = Client();
        await _simulator.QueueFaultAsync(new { count = 1, drop = true, method = "GET" });

        Assert.Null(await client.GetAsync("does-not-exist", null, CancellationToken.None));
    }

    [Fact]
    public async Task ProvisionAfter503_IsNotReplayed()
    {
        var client = Client();
        await _simulator.QueueFaultAsync(new { count = 1, status = 503, method = "POST" });

        var error = await Assert.ThrowsAsync<WebexApiException>(() => client.ProvisionAsync(NewCustomer("acme-3", "three@acme.test"), null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(await _simulator.RequestsAsync(), r => r.Method == "POST");
        Assert.Empty(await _simulator.CustomersAsync());
    }

    [Fact]
    public async Task ProvisionWhoseAnswerIsLost_IsNotReplayed_AndTheCustomerCanBeFoundByExternalId()
    {
        var client = Client();
        await client.GetAsync("warm-up", null, CancellationToken.None); // the POST then travels on a pooled, reused connection
        await _simulator.QueueFaultAsync(new { count = 1, dropAfterProcessing = true, method = "POST" });

        var error = await Assert.ThrowsAsync<WebexApiException>(() => client.ProvisionAsync(NewCustomer("acme-lost", "lost@acme.test"), null, CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.Single(await _simulator.RequestsAsync(), r => r.Method == "POST");
        var found = new List<Customer>();
        await foreach (var customer in client.ListAsync(new CustomerListFilter { ExternalId = "acme-lost" }, null, CancellationToken.None))
        {
            found.Add(customer);
        }

        Assert.Single(found);
    }

    [Fact]
    public async Task ReadOnlyToken_CanReadButNotWrite()
    {
        var reader = Client(SimulatorProcess.ReadOnlyToken);

        var error = await Assert.ThrowsAsync<WebexApiException>(() => reader.ProvisionAsync(NewCustomer("acme-4", "four@acme.test"), null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("wholesale_customers_write", error.Message);

        await foreach (var _ in reader.ListAsync(new CustomerListFilter(), null, CancellationToken.None))
        {
        }
    }

    [Fact]
    public async Task WrongToken_IsUnauthorized()
    {
        var error = await Assert.ThrowsAsync<WebexApiException>(() => Client("wrong").GetAsync("x", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("wrong", error.Message);
    }

    [Fact]
    public async Task List_FiltersAndPagesThroughLinkHeaders()
    {
        var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await client.ProvisionAsync(NewCustomer($"fleet-{i}", $"fleet{i}@acme.test"), null, CancellationToken.None);
        }

        await client.ProvisionAsync(NewCustomer("sim-fail-x", "x@acme.test"), null, CancellationToken.None);
        var all = new List<Customer>();
        await foreach (var customer in client.ListAsync(new CustomerListFilter { PageSize = 2, Status = [CustomerStatus.Provisioning] }, null, CancellationToken.None))
        {
            all.Add(customer);
        }

        Assert.Equal(6, all.Count);
        Assert.Equal(3, (await _simulator.RequestsAsync()).Count(r => r.Method == "GET" && r.Path.StartsWith("/v1/wholesale/customers?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Precheck_SucceedsThenFlagsAnEmailInUse()
    {
        var client = Client();
        var request = new PrecheckCustomerRequest
        {
            ProvisioningId = "template-1", Packages = ["webex_meetings"], ExternalId = "acme-5",
            Address = new CustomerAddress { AddressLine1 = "1 Main St", City = "Springfield", Country = "US" },
            CustomerInfo = new PrecheckCustomerInfo { Name = "Acme", PrimaryEmail = "five@acme.test" },
        };

        var ok = await client.PrecheckAsync(request, null, CancellationToken.None);
        Assert.True(ok.Success);
        Assert.Equal(100, ok.Info.Single().InfoCode);

        await client.ProvisionAsync(NewCustomer("acme-other", "five@acme.test"), null, CancellationToken.None);
        var taken = await client.PrecheckAsync(request, null, CancellationToken.None);
        Assert.False(taken.Success);
        Assert.Equal(10022, taken.Errors.Single().ErrorCode);
        Assert.NotNull(taken.TrackingId);
    }

    [Fact]
    public async Task ValidationFailure_IsA400WithTheWebexErrorBody()
    {
        var request = NewCustomer("acme-6", "six@acme.test") with { Address = new CustomerAddress { AddressLine1 = new string('x', 51), City = "C", Country = "usa" } };

        var error = await Assert.ThrowsAsync<WebexApiException>(() => Client().ProvisionAsync(request, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains(error.Errors, e => e.Description!.Contains("address.country"));
        Assert.Contains(error.Errors, e => e.Description!.Contains("50 characters"));
        Assert.StartsWith("PULUMI-WEBEX-WHOLESALE_", error.TrackingId);
    }
}
