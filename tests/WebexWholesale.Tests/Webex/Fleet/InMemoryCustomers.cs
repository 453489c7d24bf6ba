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

    public async IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matches = _customers.Values
            .Where(customer => _subPartners[customer.Id] == (onBehalfOfSubPartnerOrgId ?? ""))
            .Where(customer => filter.ExternalId is null || customer.ExternalId == filter.ExternalId)
            .Where(customer => filter.Status is null || filter.Status.Contains(customer.Status!))
            .OrderBy(customer => customer.Id, StringComparer.Ordinal).ToList();
        var pageSize = filter.PageSize ?? 100;
        for (var offset = 0; offset == 0 || offset < matches.Count; offset += pageSize)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var kind = filter.ExternalId is not null ? "list:externalId" : filter.Status is not null ? "list:status" : "list:all";
            Requests.Enqueue($"{kind} {onBehalfOfSubPartnerOrgId}".TrimEnd());
            foreach (var customer in matches.Skip(offset).Take(pageSize))
            {
                yield return customer;
            }
        }
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
