using System.Collections.Concurrent;

namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// The subscribers client of one configured provider, for a whole fleet at once (<see cref="Fleet{TItem}"/> over the
/// subscribers, with the same rules as for customers): reads that arrive together share list pages of all subscribers
/// requested after they arrived; lookups by e-mail share lists begun after them; writes are noted. It sends through
/// the same HTTP pipeline as the customers, so both share one rate governor.
/// </summary>
public sealed class SubscriberFleet(IWholesaleSubscribersClient client, TimeProvider time, FleetOptions? options = null)
    : FleetClient<Subscriber>(new Fleet<Subscriber>(subPartner => new SubscriberListing(client, subPartner), SubscriberEmail.Comparer, time, options)),
        IWholesaleSubscribersClient
{
    private readonly IWholesaleSubscribersClient _client = client;

    /// <summary>Per e-mail, the subscribers a precheck found holding it ("" when the holder could not be found).</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> _holdersSeen = new(SubscriberEmail.Comparer);

    /// <summary>Notes that a precheck found the e-mail taken, and by which subscriber (null: the holder could not be found).</summary>
    public void NoteHolder(string email, string? holderId) =>
        _holdersSeen.GetOrAdd(email, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))[holderId ?? ""] = true;

    /// <summary>
    /// Whether this process saw <paramref name="subscriberId"/> hold the e-mail before (or saw the e-mail held by a
    /// holder it could not find): such a subscriber existed before any create of ours and is never taken for its result.
    /// </summary>
    public bool SawHolder(string email, string subscriberId) =>
        _holdersSeen.TryGetValue(email, out var holders) && (holders.ContainsKey(subscriberId) || holders.ContainsKey(""));

    /// <summary>The subscriber with this e-mail (any case), or null, from a list begun after the lookup was asked.</summary>
    public Task<Subscriber?> FindByEmailAsync(string email, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        Fleet.FindByLookupKeyAsync(email, onBehalfOfSubPartnerOrgId, cancellationToken);

    /// <summary>
    /// The subscriber with this e-mail among the customer's subscribers, or null: the wider look when Webex refuses an
    /// e-mail as taken (10022) and the e-mail filter finds no holder.
    /// </summary>
    public async Task<Subscriber?> FindInCustomerAsync(string email, string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
    {
        await foreach (var subscriber in _client.ListAsync(new SubscriberListFilter { CustomerId = customerId, PageSize = 100 }, onBehalfOfSubPartnerOrgId, cancellationToken))
        {
            if (subscriber.Email is { } held && SubscriberEmail.Comparer.Equals(held, email))
            {
                return subscriber;
            }
        }

        return null;
    }

    /// <summary>The subscriber as Webex shows it <paramref name="after"/> from now, from the shared polls (null: 404).</summary>
    public Task<Subscriber?> NextLookAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, TimeSpan after, bool removal, CancellationToken cancellationToken) =>
        Fleet.NextLookAsync(subscriberId, onBehalfOfSubPartnerOrgId, after, lastStatus: null, removal, cancellationToken);

    public IAsyncEnumerable<Subscriber> ListAsync(SubscriberListFilter filter, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.ListAsync(filter, onBehalfOfSubPartnerOrgId, cancellationToken);

    public Task<ListedPage<Subscriber>> ListPageAsync(SubscriberListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.ListPageAsync(filter, offset, onBehalfOfSubPartnerOrgId, cancellationToken);

    public Task<Subscriber?> GetAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.GetAsync(subscriberId, onBehalfOfSubPartnerOrgId, cancellationToken);

    public Task<PrecheckResult> PrecheckAsync(PrecheckSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        _client.PrecheckAsync(request, onBehalfOfSubPartnerOrgId, cancellationToken);


    public IAsyncEnumerable<SubPartner> ListSubPartnersAsync(string? provisioningState, CancellationToken cancellationToken) =>
        _client.ListSubPartnersAsync(provisioningState, cancellationToken);

    public Task<Subscriber> ProvisionAsync(ProvisionSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        WritingAsync(removal: false, [WriteJournal.LookupKey(request.Email)], async () =>
        {
            var subscriber = await _client.ProvisionAsync(request, onBehalfOfSubPartnerOrgId, cancellationToken);
            Fleet.Writing(removal: false, WriteJournal.IdKey(subscriber.Id)).Dispose(); // the new id is touched now: no earlier list answers for it
            return subscriber;
        });

    public Task<Subscriber> UpdateAsync(string subscriberId, UpdateSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        WritingAsync(removal: false, [WriteJournal.IdKey(subscriberId)], () => _client.UpdateAsync(subscriberId, request, onBehalfOfSubPartnerOrgId, cancellationToken));

    public Task<bool> RemoveAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
        WritingAsync(removal: true, [WriteJournal.IdKey(subscriberId)], () => _client.RemoveAsync(subscriberId, onBehalfOfSubPartnerOrgId, cancellationToken));
}
