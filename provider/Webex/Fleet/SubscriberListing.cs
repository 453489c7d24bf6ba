namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>
/// The subscribers of one partner context, as the fleet machinery lists them. Webex finishes a subscriber write before
/// it answers, so nothing is "in progress": <c>pending_user_migration</c> waits for a person, not for Webex. E-mails
/// are compared with <see cref="SubscriberEmail.Comparer"/>, as Webex compares them.
/// </summary>
internal sealed class SubscriberListing(IWholesaleSubscribersClient client, string? subPartner) : IListing<Subscriber>
{
    public IReadOnlyList<string> WorkingStatuses => [];

    public string IdOf(Subscriber item) => item.Id;

    public string? LookupKeyOf(Subscriber item) => item.Email;

    public string? StatusOf(Subscriber item) => item.Status;

    public bool IsBeingRemoved(Subscriber item) => false;

    public Task<ListedPage<Subscriber>> ListPageAsync(int offset, int pageSize, CancellationToken cancellationToken) =>
        client.ListPageAsync(new SubscriberListFilter { PageSize = pageSize }, offset, subPartner, cancellationToken);

    public IAsyncEnumerable<Subscriber> ListAsync(IReadOnlyList<string>? statuses, int pageSize, CancellationToken cancellationToken) =>
        client.ListAsync(new SubscriberListFilter { Status = statuses, PageSize = pageSize }, subPartner, cancellationToken);

    public Task<Subscriber?> GetAsync(string id, CancellationToken cancellationToken) => client.GetAsync(id, subPartner, cancellationToken);

    public async Task<Subscriber?> FindByLookupKeyAsync(string key, CancellationToken cancellationToken)
    {
        // The filter carries the e-mail as given (Webex's filter ignores case); the exact match is ours.
        await foreach (var subscriber in client.ListAsync(new SubscriberListFilter { Email = key }, subPartner, cancellationToken))
        {
            if (subscriber.Email is { } email && SubscriberEmail.Comparer.Equals(email, key))
            {
                return subscriber;
            }
        }

        return null;
    }
}
