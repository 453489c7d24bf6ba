using System.Collections.Concurrent;

namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// The customers client of one configured provider, for a whole fleet at once. Writes pass through and are noted;
/// reads and lookups that arrive together share list pages (<see cref="ReadAsync"/>, <see cref="FindExistingAsync"/>);
/// waiters are polled together (<see cref="NextLookAsync"/>). Whatever answers a call was fetched after the call was
/// asked, never for a customer this provider changed since; a customer missing from a list is asked for by GET, so
/// "gone" keeps its meaning. Everything is kept per partner context (the partner, or each sub-partner).
/// </summary>
public sealed class CustomerFleet : IWholesaleCustomersClient, IDisposable
{
    private readonly IWholesaleCustomersClient _client;
    private readonly TimeProvider _time;
    private readonly FleetOptions _options;
    private readonly WriteJournal _journal;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationToken _lifetimeToken;
    private readonly ConcurrentDictionary<string, PartnerContext> _contexts = new(StringComparer.Ordinal);

    public CustomerFleet(IWholesaleCustomersClient client, TimeProvider time, FleetOptions? options = null)
    {
        _client = client;
        _time = time;
        _options = options ?? FleetOptions.Default;
        _journal = new WriteJournal(time);
        _lifetimeToken = _lifetime.Token;
    }

    /// <summary>
    /// The customer as Webex shows it after this call was made: from list pages fetched after it, shared with the
    /// reads that arrive together, else by GET; null when Webex answers 404.
    /// </summary>
    public Task<Customer?> ReadAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        Context(onBehalfOfSubPartnerOrgId).Reads.ReadAsync(customerId, cancellationToken);

    /// <summary>How long a duplicate lookup may wait for a list of all customers to begin before it asks alone.</summary>
    public static readonly TimeSpan LookupPatience = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The customer with this externalId, or null. Only a list begun after the lookup was asked may answer it, so no
    /// customer anyone created before is missed (the same moment's race as a lookup of its own): lookups that arrive
    /// together share the next list of all customers, whoever starts it, when one begins within
    /// <see cref="LookupPatience"/>. Such a list says "none" only when no customer was being removed while it was paged
    /// (a removal can shift the pages); otherwise, and when no list begins, the lookup is a filtered list of its own.
    /// </summary>
    public async Task<Customer?> FindExistingAsync(string externalId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        if (await Context(onBehalfOfSubPartnerOrgId).Snapshots.NextAsync(LookupPatience, cancellationToken) is { } snapshot
            && await ContentsAsync(snapshot, cancellationToken) is { } contents
            && !_journal.ChangedSince(WriteJournal.ExternalIdKey(externalId), snapshot.StartedAt))
        {
            if (contents.ByExternalId.TryGetValue(externalId, out var customer))
            {
                return customer;
            }

            if (!contents.SawRemoval && !_journal.RemovedSince(snapshot.StartedAt))
            {
                return null;
            }
        }

        return await _client.FindByExternalIdAsync(externalId, onBehalfOfSubPartnerOrgId, cancellationToken);
    }

    /// <summary>
    /// The customer as Webex shows it <paramref name="after"/> from now, from the shared polls, or sooner when they
    /// see it leave the in-progress list (null: Webex answers 404).
    /// </summary>
    /// <param name="lastStatus">the status the waiter last saw</param>
    /// <param name="removal">the waiter waits for the customer to be gone</param>
    public Task<Customer?> NextLookAsync(string customerId, string? onBehalfOfSubPartnerOrgId, TimeSpan after, string? lastStatus, bool removal,
        CancellationToken cancellationToken) =>
        Context(onBehalfOfSubPartnerOrgId).Polls.NextAsync(customerId, after, lastStatus, removal, cancellationToken);

    public Task<CustomerPage> ListPageAsync(CustomerListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.ListPageAsync(filter, offset, onBehalfOfSubPartnerOrgId, cancellationToken);

    public IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.ListAsync(filter, onBehalfOfSubPartnerOrgId, cancellationToken);

    public Task<Customer?> GetAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.GetAsync(customerId, onBehalfOfSubPartnerOrgId, cancellationToken);

    public Task<PrecheckResult> PrecheckAsync(PrecheckCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.PrecheckAsync(request, onBehalfOfSubPartnerOrgId, cancellationToken);

    public async Task<string> ProvisionAsync(ProvisionCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using (_journal.Writing(removal: false, WriteJournal.ExternalIdKey(request.ExternalId)))
        {
            var id = await _client.ProvisionAsync(request, onBehalfOfSubPartnerOrgId, cancellationToken);
            using (_journal.Writing(removal: false, WriteJournal.IdKey(id)))
            {
                return id;
            }
        }
    }

    public async Task UpdateAsync(string customerId, UpdateCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        string[] keys = request.ExternalId is { } externalId ? [WriteJournal.IdKey(customerId), WriteJournal.ExternalIdKey(externalId)] : [WriteJournal.IdKey(customerId)];
        using (_journal.Writing(removal: false, keys))
        {
            await _client.UpdateAsync(customerId, request, onBehalfOfSubPartnerOrgId, cancellationToken);
        }
    }

    public async Task<bool> RemoveAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        using (_journal.Writing(removal: true, WriteJournal.IdKey(customerId)))
        {
            return await _client.RemoveAsync(customerId, onBehalfOfSubPartnerOrgId, cancellationToken);
        }
    }

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private static async Task<ListSnapshot.Contents?> ContentsAsync(ListSnapshot snapshot, CancellationToken cancellationToken)
    {
        try
        {
            return await snapshot.Fetch.WaitAsync(cancellationToken);
        }
        catch (WebexApiException)
        {
            return null; // the list failed; the single request may still succeed
        }
    }

    private PartnerContext Context(string? subPartner) =>
        _contexts.GetOrAdd(subPartner ?? "", _ =>
        {
            var snapshots = new ListSnapshots(_client, subPartner, _time, _options, _lifetimeToken);
            return new PartnerContext(snapshots, new SharedPolls(_client, subPartner, _time, _options, snapshots, _lifetimeToken),
                new FreshReads(_client, subPartner, _time, _options, snapshots, _journal, _lifetimeToken));
        });

    private sealed record PartnerContext(ListSnapshots Snapshots, SharedPolls Polls, FreshReads Reads);
}
