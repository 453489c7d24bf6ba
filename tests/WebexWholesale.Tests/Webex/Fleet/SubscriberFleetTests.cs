using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Fleet;

namespace WebexWholesale.Tests.Webex.Fleet;

/// <summary>The fleet machinery over the subscribers: the same rules as for customers, through SubscriberListing.</summary>
public sealed class SubscriberFleetTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemorySubscribers _webex = new();
    private readonly SubscriberFleet _fleet;

    public SubscriberFleetTests() => _fleet = new SubscriberFleet(_webex, _time, new FleetOptions { PageSize = 10 });

    public void Dispose() => _fleet.Dispose();

    private async Task<Subscriber?[]> ReadAllAsync(IEnumerable<string> ids)
    {
        var reads = ids.Select(id => _fleet.ReadAsync(id, null, CancellationToken.None)).ToList();
        for (var pass = 0; pass < 5 && !reads.TrueForAll(read => read.IsCompleted); pass++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            _time.Advance(FleetOptions.Default.Gathering);
        }

        return await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Reads_that_arrive_together_share_the_pages_of_the_subscriber_list()
    {
        var subscribers = Enumerable.Range(0, 40).Select(i => _webex.Add($"person{i}@example.test")).ToList();

        var read = await ReadAllAsync(subscribers.Select(s => s.Id));

        Assert.Equal(subscribers.Select(s => s.Id), read.Select(s => s!.Id));
        Assert.Equal(4, _webex.Requests.Count(r => r == "list"));
        Assert.Single(_webex.Requests, r => r.StartsWith("get", StringComparison.Ordinal)); // the first read, before it had company
    }

    [Fact]
    public async Task A_subscriber_removed_since_the_last_pass_is_asked_for_by_get_and_reads_as_gone()
    {
        var subscribers = Enumerable.Range(0, 30).Select(i => _webex.Add($"person{i}@example.test")).ToList();
        await ReadAllAsync(subscribers.Select(s => s.Id));
        _webex.Forget(subscribers[5].Id);

        var again = await ReadAllAsync(subscribers.Select(s => s.Id));

        Assert.Null(again[5]);
        Assert.Contains("get " + subscribers[5].Id, _webex.Requests);
    }

    [Fact]
    public async Task A_subscriber_never_seen_is_asked_for_alone_and_its_batch_still_reads_from_pages()
    {
        var subscribers = Enumerable.Range(0, 100).Select(i => _webex.Add($"person{i}@example.test")).ToList(); // 10 pages
        await ReadAllAsync(subscribers.Select(s => s.Id));
        _webex.Requests.Clear();

        // five from the first page, and one removed out of band before this provider ever listed it
        var again = await ReadAllAsync(subscribers.Take(5).Select(s => s.Id).Append("s-removed-out-of-band"));

        Assert.Equal(subscribers.Take(5).Select(s => s.Id), again.Take(5).Select(s => s!.Id));
        Assert.Null(again[5]);
        Assert.Equal(["get s-removed-out-of-band", "list"], _webex.Requests.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Finding_by_email_ignores_case_and_matches_exactly()
    {
        var ann = _webex.Add("Ann@Example.test");
        _webex.Add("annie@example.test");

        Assert.Equal(ann.Id, (await FindAsync("ann@example.TEST"))?.Id);
        Assert.Null(await FindAsync("nobody@example.test"));
        Assert.Equal(["list:email", "list:email"], _webex.Requests);
    }

    /// <summary>A lone lookup: no list of all begins within the patience, so it asks with its own filtered list.</summary>
    private async Task<Subscriber?> FindAsync(string email)
    {
        var lookup = _fleet.FindByEmailAsync(email, null, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        _time.Advance(Fleet<Subscriber>.LookupPatience);
        return await lookup.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_removal_look_is_a_get_and_no_in_progress_list_is_asked_for()
    {
        var subscribers = Enumerable.Range(0, 3).Select(i => _webex.Add($"person{i}@example.test")).ToList();
        _webex.Forget(subscribers[0].Id);
        _webex.Forget(subscribers[1].Id);

        var looks = subscribers.Take(2).Select(s => _fleet.NextLookAsync(s.Id, null, TimeSpan.Zero, removal: true, CancellationToken.None)).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        _time.Advance(FleetOptions.Default.Gathering);

        Assert.All(await Task.WhenAll(looks).WaitAsync(TimeSpan.FromSeconds(10)), Assert.Null);
        Assert.Equal(["get " + subscribers[0].Id, "get " + subscribers[1].Id], _webex.Requests.Order(StringComparer.Ordinal));
    }

    /// <summary>A Webex subscribers API in memory that pages its lists and counts every request it answers.</summary>
    private sealed class InMemorySubscribers : IWholesaleSubscribersClient
    {
        private readonly ConcurrentDictionary<string, Subscriber> _subscribers = new();
        private int _next;

        public ConcurrentQueue<string> Requests { get; } = new();

        public Subscriber Add(string email)
        {
            var subscriber = new Subscriber { Id = $"s{Interlocked.Increment(ref _next):D4}", Email = email, CustomerId = "c1", Packages = ["webex_meetings"], Status = SubscriberStatus.Provisioned };
            _subscribers[subscriber.Id] = subscriber;
            return subscriber;
        }

        public void Forget(string id) => _subscribers.TryRemove(id, out _);

        private List<Subscriber> Matching(SubscriberListFilter filter) => [.. _subscribers.Values
            .Where(s => filter.Email is null || string.Equals(s.Email, filter.Email, StringComparison.OrdinalIgnoreCase))
            .Where(s => filter.Status is null || filter.Status.Contains(s.Status!))
            .OrderBy(s => s.Id, StringComparer.Ordinal)];

        public async IAsyncEnumerable<Subscriber> ListAsync(SubscriberListFilter filter, string? onBehalfOfSubPartnerOrgId,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var matches = Matching(filter);
            var size = filter.PageSize ?? 50;
            for (var offset = 0; offset == 0 || offset < matches.Count; offset += size)
            {
                await Task.Yield();
                Requests.Enqueue(filter.Email is null ? filter.Status is null ? "list" : "list:status" : "list:email");
                foreach (var subscriber in matches.Skip(offset).Take(size))
                {
                    yield return subscriber;
                }
            }
        }

        public async Task<ListedPage<Subscriber>> ListPageAsync(SubscriberListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Requests.Enqueue("list");
            var matches = Matching(filter);
            var size = filter.PageSize ?? 50;
            return new ListedPage<Subscriber>([.. matches.Skip(offset).Take(size)], offset + size < matches.Count);
        }

        public async Task<Subscriber?> GetAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Requests.Enqueue("get " + subscriberId);
            return _subscribers.GetValueOrDefault(subscriberId);
        }

        public Task<Subscriber> ProvisionAsync(ProvisionSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(Add(request.Email));

        public Task<Subscriber> UpdateAsync(string subscriberId, UpdateSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(_subscribers[subscriberId] = _subscribers[subscriberId] with { Packages = request.Packages });

        public Task<bool> RemoveAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(_subscribers.TryRemove(subscriberId, out _));

        public Task<PrecheckResult> PrecheckAsync(PrecheckSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(new PrecheckResult(true, "success", [], [], null));

        public IAsyncEnumerable<SubPartner> ListSubPartnersAsync(string? provisioningState, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SubPartner>();
    }
}
