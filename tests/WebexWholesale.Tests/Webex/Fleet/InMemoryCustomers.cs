using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Tests.Webex.Fleet;

/// <summary>A Webex customers API in memory that pages its lists and counts every request it answers.</summary>
internal sealed class InMemoryCustomers : IWholesaleCustomersClient
{
    private readonly ConcurrentDictionary<string, Customer> _customers = new();
    private readonly ConcurrentDictionary<string, string> _subPartners = new();
    private int _nextId;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Runs while a page's answer is in transit: its customers are as they were when it was asked.</summary>
    public Func<Task>? PageInTransit { get; set; }

    public int Count(string prefix) => Requests.Count(request => request.StartsWith(prefix, StringComparison.Ordinal));

    public Customer Add(string externalId, string status = CustomerStatus.Provisioned, string? subPartner = null)
    {
        var customer = new Customer { Id = $"c{Interlocked.Increment(ref _nextId)}", ExternalId = externalId, Status = status };
        _subPartners[customer.Id] = subPartner ?? "";
        _customers[customer.Id] = customer;
        return customer;
    }

    public void Set(string id, string status) => _customers[id] = _customers[id] with { Status = status };

    public void Forget(string id) => _customers.TryRemove(id, out _);

    /// <summary>In creation order, as Webex appears to list them (the ids count up).</summary>
    private List<Customer> Matching(CustomerListFilter filter, string? subPartner) => [.. _customers.Values
        .Where(customer => _subPartners[customer.Id] == (subPartner ?? ""))
        .Where(customer => filter.ExternalId is null || customer.ExternalId == filter.ExternalId)
        .Where(customer => filter.Status is null || filter.Status.Contains(customer.Status!))
        .OrderBy(customer => int.Parse(customer.Id[1..], System.Globalization.CultureInfo.InvariantCulture))];

    private static string Kind(CustomerListFilter filter) =>
        filter.ExternalId is not null ? "list:externalId" : filter.Status is not null ? "list:status" : "list:all";

    public async IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matches = Matching(filter, onBehalfOfSubPartnerOrgId);
        var pageSize = filter.PageSize ?? 100;
        for (var offset = 0; offset == 0 || offset < matches.Count; offset += pageSize)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            Requests.Enqueue($"{Kind(filter)} {onBehalfOfSubPartnerOrgId}".TrimEnd());
            foreach (var customer in matches.Skip(offset).Take(pageSize))
            {
                yield return customer;
            }
        }
    }

    public async Task<CustomerPage> ListPageAsync(CustomerListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var matches = Matching(filter, onBehalfOfSubPartnerOrgId);
        Requests.Enqueue($"{Kind(filter)} {onBehalfOfSubPartnerOrgId}".TrimEnd());
        var pageSize = filter.PageSize ?? 100;
        var page = new CustomerPage([.. matches.Skip(offset).Take(pageSize)], HasMore: offset + pageSize < matches.Count);
        if (PageInTransit is { } transit)
        {
            await transit();
        }

        return page;
    }

    public async Task<Customer?> GetAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Requests.Enqueue("get " + customerId);
        return _customers.GetValueOrDefault(customerId);
    }

    public Task<string> ProvisionAsync(ProvisionCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        Requests.Enqueue("provision");
        return Task.FromResult(Add(request.ExternalId, CustomerStatus.Provisioning, onBehalfOfSubPartnerOrgId).Id);
    }

    public Task UpdateAsync(string customerId, UpdateCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        Requests.Enqueue("update " + customerId);
        Set(customerId, CustomerStatus.Updating);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        Requests.Enqueue("remove " + customerId);
        Set(customerId, CustomerStatus.Deleting);
        return Task.FromResult(true);
    }

    public Task<PrecheckResult> PrecheckAsync(PrecheckCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
