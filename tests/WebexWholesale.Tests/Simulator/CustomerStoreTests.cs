using WebexWholesale.Simulator;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Simulator;

public class CustomerStoreTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = FakeClock.Create();

    private static ProvisionBody Body(string externalId, params string[] packages) => new()
    {
        ProvisioningId = "p", ExternalId = externalId, Packages = [.. packages.DefaultIfEmpty("webex_meetings")],
        Address = new SimAddress { AddressLine1 = "1 Main St", City = "Springfield", Country = "US" },
        CustomerInfo = new SimCustomerInfo { Name = "Acme", PrimaryEmail = $"{externalId}@acme.test" },
    };

    private CustomerStore Store(string? stateFile = null) => new(_time, stateFile) { ProvisioningTime = TimeSpan.FromSeconds(10) };

    [Fact]
    public void Provision_IsProvisioningUntilTheTimeHasPassed()
    {
        var sut = Store();
        var id = sut.Provision(Body("a"), null).Id;

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("provisioning", sut.Get(id)!.Status);
        Assert.Null(CustomersApiView(sut, id).OrgId);

        _time.Advance(TimeSpan.FromSeconds(1));
        var done = sut.Get(id)!;
        Assert.Equal("provisioned", done.Status);
        Assert.NotNull(done.OrgId);
        Assert.Equal("provisioned", done.PackageStatus["webex_meetings"]);
    }

    [Theory]
    [InlineData("sim-fail-1", "error")]
    [InlineData("sim-partial-1", "provisioned_with_errors")]
    public void ExternalIdPrefixes_DecideTheOutcome(string externalId, string status)
    {
        var sut = Store();
        var id = sut.Provision(Body(externalId, "webex_meetings", "webex_suite"), null).Id;

        _time.Advance(TimeSpan.FromSeconds(10));

        var customer = sut.Get(id)!;
        Assert.Equal(status, customer.Status);
        Assert.NotEmpty(customer.Errors);
        Assert.Equal("error", customer.PackageStatus["webex_meetings"]);
    }

    [Fact]
    public void Update_ReplacesThePackageList_AndRefusesWhileBusy()
    {
        var sut = Store();
        var id = sut.Provision(Body("a", "webex_meetings"), null).Id;
        Assert.NotNull(sut.Update(id, new UpdateBody { Packages = ["webex_suite"] }).Conflict);

        _time.Advance(TimeSpan.FromSeconds(10));
        var (updating, conflict) = sut.Update(id, new UpdateBody { Packages = ["webex_suite"], ExternalId = "b" });

        Assert.Null(conflict);
        Assert.Equal("updating", updating!.Status);
        Assert.Equal("deleting", updating.PackageStatus["webex_meetings"]);
        Assert.Equal("provisioning", updating.PackageStatus["webex_suite"]);
        Assert.Equal("b", updating.ExternalId);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["webex_suite"], sut.Get(id)!.Packages);
    }

    [Fact]
    public void Remove_DeletesThenForgets()
    {
        var sut = Store();
        var id = sut.Provision(Body("a"), null).Id;
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal((true, null), sut.Remove(id));
        Assert.Equal("deleting", sut.Get(id)!.Status);
        Assert.Equal((true, null), sut.Remove(id)); // removing again while deleting is accepted
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(sut.Get(id));
        Assert.Equal((false, null), sut.Remove(id));
    }

    [Fact]
    public void StateFile_KeepsCustomersAcrossRestarts()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-state-{Guid.NewGuid()}.json");
        try
        {
            var id = Store(file).Provision(Body("kept"), null).Id;
            _time.Advance(TimeSpan.FromSeconds(10));

            var restarted = Store(file);

            Assert.Equal("provisioned", restarted.Get(id)!.Status);
            Assert.Equal("kept", restarted.List().Single().ExternalId);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SeedFile_StartsWithItsCustomers_AndIsNeverWritten()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sim-seed-{Guid.NewGuid()}.json");
        try
        {
            Store(file).Provision(Body("seeded"), null);
            var seed = File.ReadAllText(file);

            var seeded = new CustomerStore(_time, stateFile: null, seedFile: file);
            seeded.Provision(Body("later"), null);

            Assert.Equal(["seeded", "later"], seeded.List().Select(c => c.ExternalId));
            Assert.Equal(seed, File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ASubscriberPage_IsInCreationOrder_WhateverTheOrderOfTheSeed()
    {
        var sut = Store();
        var customer = sut.Provision(Body("c"), null).Id;
        _time.Advance(TimeSpan.FromSeconds(10));
        foreach (var email in new[] { "a@c.test", "b@c.test", "c@c.test" })
        {
            Assert.Equal(200, sut.ProvisionSubscriber(new SubscriberBody { CustomerId = customer, Email = email }, ["webex_meetings"], null).Status);
        }

        var (page, total) = sut.ListSubscribers(null, (_, _) => true, byLastStatusChange: false, descending: true, offset: 1, max: 1);

        Assert.Equal(3, total);
        Assert.Equal("b@c.test", page.Single().Subscriber.Email);
    }

    private static CustomerView CustomersApiView(CustomerStore store, string id) => CustomersApi.View(store.Get(id)!);
}
