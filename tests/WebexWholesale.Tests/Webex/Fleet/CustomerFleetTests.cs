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

    /// <summary>Waiters arriving together look at their customers; the round gathers them.</summary>
    private async Task<Customer?[]> LookAtAllAsync(IEnumerable<Customer> customers, string? lastStatus = null, bool removal = false)
    {
        var looks = customers.Select(customer => Next(customer, TimeSpan.Zero, lastStatus, removal)).ToList();
        await Settle();
        _time.Advance(FleetOptions.Default.Gathering);
        return await Task.WhenAll(looks).WaitAsync(Patience);
    }

    private Task<Customer?> Next(Customer customer, TimeSpan after, string? lastStatus = null, bool removal = false, CancellationToken cancellation = default) =>
        _fleet.NextLookAsync(customer.Id, null, after, lastStatus, removal, cancellation);

    /// <summary>Real time for the rounds' background task to reach its wait before the fake clock moves.</summary>
    private static Task Settle() => Task.Delay(TimeSpan.FromMilliseconds(200));

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

    /// <summary>Reads arriving together; the clock moves past the gathering of each pass.</summary>
    private async Task<Customer?[]> ReadAllAsync(IEnumerable<Customer> customers, string? subPartner = null) =>
        await ReadAllAsync(customers.Select(customer => customer.Id), subPartner);

    private async Task<Customer?[]> ReadAllAsync(IEnumerable<string> ids, string? subPartner = null)
    {
        var reads = ids.Select(id => _fleet.ReadAsync(id, subPartner, CancellationToken.None)).ToList();
        for (var pass = 0; pass < 5 && !reads.TrueForAll(read => read.IsCompleted); pass++)
        {
            await Settle();
            _time.Advance(FleetOptions.Default.Gathering);
        }

        return await Task.WhenAll(reads).WaitAsync(Patience);
    }

    [Fact]
    public async Task Reads_arriving_together_share_one_paged_list()
    {
        var customers = AddMany(60);

        var reads = await ReadAllAsync(customers);

        Assert.Equal(customers, reads);
        Assert.Equal(6, _webex.Count("list:all")); // 60 customers, 10 per page
        Assert.Equal(1, _webex.Count("get ")); // the first read, before it had company
    }

    [Fact]
    public async Task A_read_is_never_answered_by_a_list_begun_before_it_so_a_refresh_sees_an_out_of_band_deletion_and_change()
    {
        var customers = AddMany(30);
        await ReadAllAsync(customers); // the whole fleet seen moments ago, in this process
        _webex.Forget(customers[4].Id); // an administrator removes one in Partner Hub
        _webex.Set(customers[17].Id, CustomerStatus.ProvisionedWithErrors); // and another changes
        _webex.Requests.Clear();

        var again = await ReadAllAsync(customers);

        Assert.Null(again[4]);
        Assert.Equal(CustomerStatus.ProvisionedWithErrors, again[17]!.Status);
        Assert.Equal(customers.Where((_, i) => i is not 4 and not 17), again.Where((_, i) => i is not 4 and not 17));
        Assert.Equal(3, _webex.Count("list:all")); // the three pages they were on, fetched after the reads were asked
        Assert.Equal(["get " + customers[4].Id], _webex.Requests.Where(request => request.StartsWith("get ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reads_of_customers_seen_before_fetch_only_the_pages_they_were_on()
    {
        var customers = AddMany(50);
        await ReadAllAsync(customers);
        _webex.Requests.Clear();

        var reads = await ReadAllAsync(customers.Skip(21).Take(6)); // all on the third page

        Assert.Equal(customers.Skip(21).Take(6), reads);
        Assert.Equal(["list:all"], _webex.Requests);
    }

    [Fact]
    public async Task A_read_that_arrives_while_a_page_is_fetched_waits_for_a_page_fetched_after_it()
    {
        var customers = AddMany(20);
        await ReadAllAsync(customers);
        var inFlight = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        _webex.PageInTransit = async () =>
        {
            _webex.PageInTransit = null;
            inFlight.SetResult();
            await release.Task;
        };

        var first = ReadAllAsync(customers.Take(3));
        await inFlight.Task.WaitAsync(Patience); // the page is being fetched: what it returns predates what follows
        _webex.Set(customers[0].Id, CustomerStatus.Error);
        var late = _fleet.ReadAsync(customers[0].Id, null, CancellationToken.None);
        release.SetResult();

        Assert.Equal(CustomerStatus.Provisioned, (await first)[0]!.Status);
        await Settle();
        _time.Advance(FleetOptions.Default.Gathering);
        Assert.Equal(CustomerStatus.Error, (await late.WaitAsync(Patience))!.Status);
    }

    [Fact]
    public async Task A_page_never_answers_for_a_customer_this_provider_changed_after_it_was_asked()
    {
        var customers = AddMany(20);
        await ReadAllAsync(customers);
        _webex.PageInTransit = async () =>
        {
            _webex.PageInTransit = null; // the page shows the customer as it was before this update
            await _fleet.UpdateAsync(customers[10].Id, new UpdateCustomerRequest { Packages = ["webex_calling"] }, null, CancellationToken.None);
        };
        _webex.Requests.Clear();

        var reads = await ReadAllAsync([customers[10], customers[11]]);

        Assert.Equal(CustomerStatus.Updating, reads[0]!.Status);
        Assert.Equal(["list:all", "update " + customers[10].Id, "get " + customers[10].Id], _webex.Requests);
    }

    [Fact]
    public async Task A_customer_missing_from_the_list_is_asked_for_by_get_so_gone_keeps_its_meaning()
    {
        var customers = AddMany(20);
        await ReadAllAsync(customers.Take(3));
        var later = _webex.Add("added-after-the-list");

        var reads = await ReadAllAsync([later.Id, "c-never-existed"]);

        Assert.Equal(later, reads[0]); // on the list of all, which the unknown id asked for
        Assert.Null(reads[1]);
        Assert.Equal(0, _webex.Count("get " + later.Id));
        Assert.Equal(1, _webex.Count("get c-never-existed"));
    }

    /// <summary>Duplicate lookups arriving together; the clock moves past the gathering and the patience.</summary>
    private async Task<Customer?[]> FindAllAsync(params string[] externalIds)
    {
        var lookups = externalIds.Select(externalId => _fleet.FindExistingAsync(externalId, null, CancellationToken.None)).ToList();
        await Settle();
        _time.Advance(FleetOptions.Default.Gathering);
        await Settle();
        _time.Advance(CustomerFleet.LookupPatience);
        return await Task.WhenAll(lookups).WaitAsync(Patience);
    }

    [Fact]
    public async Task Duplicate_lookups_arriving_together_share_a_list()
    {
        AddMany(20);

        var found = await FindAllAsync("ext-1", "ext-2", "new-1", "new-2", "new-3");

        Assert.Equal(["ext-1", "ext-2", null, null, null], found.Select(customer => customer?.ExternalId));
        Assert.Equal(2, _webex.Count("list:all"));
        Assert.Equal(1, _webex.Count("list:externalId")); // the first, before it had company
    }

    [Fact]
    public async Task A_duplicate_lookup_is_never_answered_by_a_list_begun_before_it()
    {
        var customers = AddMany(20);
        await ReadAllAsync(customers.Take(3)); // a fresh list
        _webex.Add("made-outside-pulumi"); // by an administrator, a moment later

        var found = await FindAllAsync("made-outside-pulumi", "new-1", "new-2", "new-3");

        Assert.Equal("made-outside-pulumi", found[0]?.ExternalId);
    }

    [Fact]
    public async Task A_lone_duplicate_lookup_asks_at_once()
    {
        AddMany(20);

        Assert.Null(await _fleet.FindExistingAsync("new-1", null, CancellationToken.None));
        Assert.Equal(["list:externalId"], _webex.Requests);
    }

    [Fact]
    public async Task A_list_that_saw_a_removal_does_not_prove_an_externalId_free()
    {
        var customers = AddMany(20);
        _webex.Set(customers[4].Id, CustomerStatus.Deleting); // when it vanishes mid-list, later customers shift a page

        var found = await FindAllAsync("ext-1", "new-1", "new-2", "new-3", "new-4");

        Assert.Equal(["ext-1", null, null, null, null], found.Select(customer => customer?.ExternalId));
        Assert.Equal(2, _webex.Count("list:all"));
        Assert.Equal(5, _webex.Count("list:externalId")); // the first alone, and each absence checked one by one
    }

    [Fact]
    public async Task A_customer_this_provider_is_provisioning_is_never_reported_absent_from_an_older_list()
    {
        AddMany(20);
        await FindAllAsync("ext-1", "ext-2", "ext-3", "ext-4");

        await _fleet.ProvisionAsync(new ProvisionCustomerRequest
        {
            ProvisioningId = "p", ExternalId = "new-9", Packages = ["webex_calling"], Address = new CustomerAddress { AddressLine1 = "1", City = "c", Country = "US" },
        }, null, CancellationToken.None);

        Assert.NotNull((await FindAllAsync("new-9"))[0]);
    }

    [Fact]
    public async Task Sub_partner_customers_are_listed_in_their_own_context()
    {
        AddMany(10);
        var theirs = AddMany(10, subPartner: "sub-1", prefix: "sub");

        var reads = await ReadAllAsync(theirs, "sub-1");

        Assert.Equal(theirs, reads);
        Assert.Equal(1, _webex.Count("list:all sub-1"));
        Assert.Equal(0, _webex.Requests.Count(request => request == "list:all"));
    }

    [Fact]
    public async Task A_single_waiter_is_sent_a_get()
    {
        var customer = _webex.Add("ext-1", CustomerStatus.Provisioning);

        var seen = await LookAtAllAsync([customer]);

        Assert.Equal(CustomerStatus.Provisioning, seen[0]!.Status);
        Assert.Equal(["get " + customer.Id], _webex.Requests);
    }

    [Fact]
    public async Task Twenty_waiters_are_served_by_one_in_progress_list_and_then_by_one_list_of_all()
    {
        var customers = AddMany(20, CustomerStatus.Provisioning);

        var first = await LookAtAllAsync(customers);
        Assert.All(first, seen => Assert.Equal(CustomerStatus.Provisioning, seen!.Status));
        Assert.Equal(2, _webex.Count("list:status"));

        customers.ForEach(customer => _webex.Set(customer.Id, CustomerStatus.Provisioned));
        var second = customers.Select(customer => Next(customer, TimeSpan.FromSeconds(2), CustomerStatus.Provisioning)).ToList();
        await Settle();
        _time.Advance(TimeSpan.FromSeconds(4)); // two pages at half a page per second

        Assert.All(await Task.WhenAll(second).WaitAsync(Patience), seen => Assert.Equal(CustomerStatus.Provisioned, seen!.Status));
        Assert.Equal(3, _webex.Count("list:status")); // the second found none in progress: one page
        Assert.Equal(2, _webex.Count("list:all"));
        Assert.Equal(0, _webex.Count("get "));
    }

    [Fact]
    public async Task A_waiter_hears_as_soon_as_any_round_sees_its_customer_leave_the_in_progress_list()
    {
        var customers = AddMany(20, CustomerStatus.Provisioning);
        var patient = customers.Select(customer => Next(customer, TimeSpan.FromMinutes(1), CustomerStatus.Provisioning)).ToList();
        customers.Take(5).ToList().ForEach(customer => _webex.Set(customer.Id, CustomerStatus.Provisioned));

        await LookAtAllAsync([_webex.Add("newcomer", CustomerStatus.Provisioning)]); // due now: it starts a round

        Assert.All(await Task.WhenAll(patient.Take(5)).WaitAsync(Patience), seen => Assert.Equal(CustomerStatus.Provisioned, seen!.Status));
        Assert.All(patient.Skip(5), look => Assert.False(look.IsCompleted));
        Assert.Equal(2, _webex.Count("list:status")); // 16 in progress, 10 a page
    }

    [Fact]
    public async Task Finished_customers_wait_for_a_list_to_answer_three_per_page_unless_their_look_is_due()
    {
        var fleet = AddMany(40); // four pages of all customers
        await ReadAllAsync(fleet.Take(3)); // learns the four pages
        var waiting = AddMany(5, CustomerStatus.Provisioning, prefix: "new");
        var patient = waiting.Select(customer => Next(customer, TimeSpan.FromMinutes(1), CustomerStatus.Provisioning)).ToList();
        waiting.ForEach(customer => _webex.Set(customer.Id, CustomerStatus.Provisioned));
        _webex.Requests.Clear();

        var due = await LookAtAllAsync([_webex.Add("due-now", CustomerStatus.Provisioned), _webex.Add("due-too", CustomerStatus.Provisioned)]);

        Assert.All(due, customer => Assert.Equal(CustomerStatus.Provisioned, customer!.Status));
        Assert.All(patient, look => Assert.False(look.IsCompleted)); // seven finished: a list of four pages would answer fewer than twelve
        Assert.Equal(0, _webex.Count("list:all"));
        Assert.Equal(2, _webex.Count("get "));
    }

    [Fact]
    public async Task Waiters_for_a_removal_are_told_gone_only_by_a_get()
    {
        var customers = AddMany(20, CustomerStatus.Deleting);
        customers.Take(5).ToList().ForEach(customer => _webex.Forget(customer.Id));

        var seen = await LookAtAllAsync(customers, CustomerStatus.Deleting, removal: true);

        Assert.All(seen.Take(5), Assert.Null);
        Assert.All(seen.Skip(5), customer => Assert.Equal(CustomerStatus.Deleting, customer!.Status));
        Assert.Equal(5, _webex.Count("get "));
        Assert.Equal(0, _webex.Count("list:all"));
    }

    [Fact]
    public async Task The_next_round_waits_as_long_as_the_last_one_cost()
    {
        var customers = AddMany(30, CustomerStatus.Updating); // three pages in progress: the next round waits 6 s
        await LookAtAllAsync(customers);

        var next = Next(customers[0], TimeSpan.Zero, CustomerStatus.Updating);
        var other = Next(customers[1], TimeSpan.Zero, CustomerStatus.Updating);
        await Settle();
        _time.Advance(TimeSpan.FromSeconds(5));
        await Settle();
        Assert.False(next.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CustomerStatus.Updating, (await next.WaitAsync(Patience))!.Status);
        await other.WaitAsync(Patience);
        Assert.Equal(6, _webex.Count("list:status"));
    }

    [Fact]
    public async Task A_waiter_whose_operation_is_cancelled_stops_waiting_at_once()
    {
        var customers = AddMany(10, CustomerStatus.Provisioning);
        using var cancel = new CancellationTokenSource();

        var look = Next(customers[0], TimeSpan.FromMinutes(1), CustomerStatus.Provisioning, cancellation: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => look.WaitAsync(Patience));
        Assert.Empty(_webex.Requests);
    }
}
