using Microsoft.Extensions.Time.Testing;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Fleet;

namespace WebexWholesale.Tests.Webex.Fleet;

public sealed class CustomerFleetTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryCustomers _webex = new();
    private readonly CustomerFleet _fleet;

    public CustomerFleetTests() => _fleet = new CustomerFleet(_webex, _time, new FleetOptions { PageSize = 10 });

    public void Dispose() => _fleet.Dispose();

    /// <summary>Looks at every customer, as waiters arriving together do, and lets the round gather them.</summary>
    private async Task<Customer?[]> LookAtAllAsync(IEnumerable<Customer> customers)
    {
        var looks = customers.Select(customer => _fleet.LookAsync(customer.Id, null, CancellationToken.None)).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(200)); // real time: the round's background task reaches its wait
        _time.Advance(FleetOptions.Default.Gathering);
        return await Task.WhenAll(looks).WaitAsync(Patience);
    }

    private List<Customer> AddMany(int count, string status = CustomerStatus.Provisioned, string? subPartner = null, string prefix = "ext") =>
        [.. Enumerable.Range(0, count).Select(i => _webex.Add($"{prefix}-{i}", status, subPartner))];

    [Fact]
    public async Task A_lone_read_is_a_get()
    {
        var customers = AddMany(30);

        var read = await _fleet.ReadAsync(customers[3].Id, null, CancellationToken.None);

        Assert.Equal(customers[3], read);
        Assert.Equal(["get " + customers[3].Id], _webex.Requests);
    }

    [Fact]
    public async Task Reads_arriving_together_share_one_paged_list()
    {
        var customers = AddMany(60);

        var reads = await Task.WhenAll(customers.Select(customer => _fleet.ReadAsync(customer.Id, null, CancellationToken.None)));

        Assert.Equal(customers, reads);
        Assert.Equal(6, _webex.Count("list:all")); // 60 customers, 10 per page
        Assert.True(_webex.Count("get ") <= 1, string.Join(", ", _webex.Requests)); // the first read, before it had company
        Assert.True(_webex.Requests.Count <= 0.15 * customers.Count);
    }

    [Fact]
    public async Task A_snapshot_never_answers_for_a_customer_this_provider_changed_after_it_began()
    {
        var customers = AddMany(20);
        await Task.WhenAll(customers.Take(3).Select(customer => _fleet.ReadAsync(customer.Id, null, CancellationToken.None)));
        Assert.Equal(2, _webex.Count("list:all"));

        await _fleet.UpdateAsync(customers[10].Id, new UpdateCustomerRequest { Packages = ["webex_calling"] }, null, CancellationToken.None);
        var read = await _fleet.ReadAsync(customers[10].Id, null, CancellationToken.None);

        Assert.Equal(CustomerStatus.Updating, read!.Status);
        Assert.Equal(2, _webex.Count("list:all"));
        Assert.Equal(1, _webex.Count("get " + customers[10].Id));
    }

    [Fact]
    public async Task A_customer_missing_from_the_snapshot_is_asked_for_by_get_so_gone_keeps_its_meaning()
    {
        var customers = AddMany(20);
        await Task.WhenAll(customers.Take(3).Select(customer => _fleet.ReadAsync(customer.Id, null, CancellationToken.None)));
        var later = _webex.Add("added-after-the-snapshot");

        Assert.Equal(later, await _fleet.ReadAsync(later.Id, null, CancellationToken.None));
        Assert.Null(await _fleet.ReadAsync("c-never-existed", null, CancellationToken.None));
        Assert.Equal(1, _webex.Count("get " + later.Id));
        Assert.Equal(1, _webex.Count("get c-never-existed"));
        Assert.Equal(2, _webex.Count("list:all"));
    }

    [Fact]
    public async Task A_snapshot_answers_only_within_its_lifetime()
    {
        var customers = AddMany(20);
        await Task.WhenAll(customers.Take(3).Select(customer => _fleet.ReadAsync(customer.Id, null, CancellationToken.None)));
        _webex.Set(customers[7].Id, CustomerStatus.Error);

        _time.Advance(FleetOptions.Default.SnapshotLifetime + TimeSpan.FromSeconds(1));
        var reads = await Task.WhenAll(customers.Skip(5).Take(3).Select(customer => _fleet.ReadAsync(customer.Id, null, CancellationToken.None)));

        Assert.Equal(CustomerStatus.Error, reads[2]!.Status);
        Assert.Equal(4, _webex.Count("list:all")); // two snapshots of two pages
    }

    [Fact]
    public async Task Duplicate_lookups_arriving_together_share_a_list()
    {
        AddMany(20);

        var found = await Task.WhenAll(((string[])["ext-1", "ext-2", "new-1", "new-2"])
            .Select(externalId => _fleet.FindExistingAsync(externalId, null, CancellationToken.None)));

        Assert.Equal(["ext-1", "ext-2", null, null], found.Select(customer => customer?.ExternalId));
        Assert.Equal(2, _webex.Count("list:all"));
        Assert.True(_webex.Count("list:externalId") <= 1, string.Join(", ", _webex.Requests));
    }

    [Fact]
    public async Task A_list_that_saw_a_removal_does_not_prove_an_externalId_free()
    {
        var customers = AddMany(20);
        _webex.Set(customers[4].Id, CustomerStatus.Deleting); // when it vanishes mid-list, later customers shift a page

        var found = await Task.WhenAll(((string[])["ext-1", "new-1", "new-2"]).Select(externalId => _fleet.FindExistingAsync(externalId, null, CancellationToken.None)));

        Assert.Equal(["ext-1", null, null], found.Select(customer => customer?.ExternalId));
        Assert.True(_webex.Count("list:externalId") >= 2, string.Join(", ", _webex.Requests)); // both absences checked one by one
    }

    [Fact]
    public async Task A_customer_this_provider_is_provisioning_is_never_reported_absent_from_an_older_list()
    {
        AddMany(20);
        await Task.WhenAll(((string[])["ext-1", "ext-2"]).Select(externalId => _fleet.FindExistingAsync(externalId, null, CancellationToken.None)));

        await _fleet.ProvisionAsync(new ProvisionCustomerRequest
        {
            ProvisioningId = "p", ExternalId = "new-9", Packages = ["webex_calling"], Address = new CustomerAddress { AddressLine1 = "1", City = "c", Country = "US" },
        }, null, CancellationToken.None);

        Assert.NotNull(await _fleet.FindExistingAsync("new-9", null, CancellationToken.None));
    }

    [Fact]
    public async Task Sub_partner_customers_are_listed_in_their_own_context()
    {
        AddMany(10);
        var theirs = AddMany(10, subPartner: "sub-1", prefix: "sub");

        var reads = await Task.WhenAll(theirs.Select(customer => _fleet.ReadAsync(customer.Id, "sub-1", CancellationToken.None)));

        Assert.Equal(theirs, reads);
        Assert.Equal(1, _webex.Count("list:all sub-1"));
        Assert.Equal(0, _webex.Requests.Count(request => request == "list:all"));
    }

    [Fact]
    public async Task A_single_waiter_is_sent_a_get()
    {
        var customer = _webex.Add("ext-1", CustomerStatus.Provisioning);
        using var watching = _fleet.Watch(customer.Id, null);

        var seen = await _fleet.LookAsync(customer.Id, null, CancellationToken.None);

        Assert.Equal(CustomerStatus.Provisioning, seen!.Status);
        Assert.Equal(["get " + customer.Id], _webex.Requests);
    }

    [Fact]
    public async Task Twenty_waiters_are_served_by_one_in_progress_list_and_then_by_one_list_of_all()
    {
        var customers = AddMany(20, CustomerStatus.Provisioning);
        var watching = customers.Select(customer => _fleet.Watch(customer.Id, null)).ToList();

        var first = await LookAtAllAsync(customers);
        Assert.All(first, seen => Assert.Equal(CustomerStatus.Provisioning, seen!.Status));
        Assert.Equal(2, _webex.Count("list:status"));

        foreach (var customer in customers)
        {
            _webex.Set(customer.Id, CustomerStatus.Provisioned);
        }

        _time.Advance(TimeSpan.FromSeconds(5));
        var second = await LookAtAllAsync(customers);

        Assert.All(second, seen => Assert.Equal(CustomerStatus.Provisioned, seen!.Status));
        Assert.Equal(3, _webex.Count("list:status")); // the second one found none in progress: one page
        Assert.Equal(2, _webex.Count("list:all"));
        Assert.Equal(0, _webex.Count("get "));
        watching.ForEach(watch => watch.Dispose());
    }

    [Fact]
    public async Task Waiters_missing_from_every_list_are_asked_by_get_and_reported_gone()
    {
        var customers = AddMany(20, CustomerStatus.Deleting);
        var watching = customers.Select(customer => _fleet.Watch(customer.Id, null)).ToList();
        var gone = customers.Take(5).ToList();
        gone.ForEach(customer => _webex.Forget(customer.Id));

        var seen = await LookAtAllAsync(customers);

        Assert.All(seen.Take(5), Assert.Null);
        Assert.All(seen.Skip(5), customer => Assert.Equal(CustomerStatus.Deleting, customer!.Status));
        Assert.Equal(5, _webex.Count("get "));
        watching.ForEach(watch => watch.Dispose());
    }

    [Fact]
    public async Task The_next_round_waits_as_long_as_the_last_one_cost()
    {
        var customers = AddMany(30, CustomerStatus.Updating); // three pages in progress: the next round waits 3 s
        var watching = customers.Select(customer => _fleet.Watch(customer.Id, null)).ToList();
        await LookAtAllAsync(customers);

        var next = _fleet.LookAsync(customers[0].Id, null, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        _time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Assert.False(next.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CustomerStatus.Updating, (await next.WaitAsync(Patience))!.Status);
        Assert.Equal(6, _webex.Count("list:status"));
        watching.ForEach(watch => watch.Dispose());
    }

    [Fact]
    public async Task A_waiter_whose_operation_is_cancelled_stops_waiting_at_once()
    {
        var customers = AddMany(10, CustomerStatus.Provisioning);
        var watching = customers.Select(customer => _fleet.Watch(customer.Id, null)).ToList();
        await LookAtAllAsync(customers);
        using var cancel = new CancellationTokenSource();

        var look = _fleet.LookAsync(customers[0].Id, null, cancel.Token); // the next round is a second away
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => look.WaitAsync(Patience));
        watching.ForEach(watch => watch.Dispose());
    }
}
