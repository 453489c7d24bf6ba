namespace WebexWholesale.Simulator;

/// <summary>
/// The subscribers of the simulated partner's customers. Webex answers every subscriber write when it is done
/// (provision 200, update 200, removal 204); the one wait is a user's consent: an e-mail registered as an active free
/// Webex account (control API) is provisioned as <c>pending_user_migration</c>, without a personId, until the user
/// consents (control API again).
/// </summary>
public sealed partial class CustomerStore
{
    /// <summary>The outcome of a subscriber write: the subscriber, or the HTTP status and errors Webex would answer.</summary>
    public sealed record SubscriberOutcome(StoredSubscriber? Subscriber, int Status, List<ErrorItem> Errors)
    {
        public static SubscriberOutcome Refused(int status, string error, double? code = null) =>
            new(null, status, [new ErrorItem { ErrorCode = code, Description = error }]);
    }

    public const double EmailInUseCode = 10022;

    public SubscriberOutcome ProvisionSubscriber(SubscriberBody body, List<string> packages, string? subPartner)
    {
        lock (_gate)
        {
            AdvanceAll();
            if ((CustomerRefusal(body.CustomerId!, subPartner) ?? EmailRefusal(body.Email!)) is { } refused)
            {
                return refused;
            }

            var now = time.GetUtcNow();
            var free = _state.FreeAccounts.Contains(body.Email!, StringComparer.OrdinalIgnoreCase);
            var subscriber = new StoredSubscriber
            {
                Id = EncodeId("SUBSCRIBER", Guid.NewGuid()),
                PersonId = free ? null : EncodeId("PEOPLE", Guid.NewGuid()),
                Email = body.Email!,
                CustomerId = body.CustomerId!,
                Packages = packages,
                Status = free ? "pending_user_migration" : "provisioned",
                ProvisioningParameters = body.ProvisioningParameters,
                Created = now,
                LastStatusChange = now,
                Sequence = _state.Subscribers.Count == 0 ? 1 : _state.Subscribers.Max(s => s.Sequence) + 1,
            };
            _state.Subscribers.Add(subscriber);
            Save();
            return new SubscriberOutcome(subscriber with { }, free ? 202 : 200, []);
        }
    }

    /// <summary>What the precheck finds in the store, in this order: the e-mail in use, a customer that cannot take subscribers.</summary>
    public List<ErrorItem> PrecheckRefusals(string? email, string? customerId, string? subPartner)
    {
        lock (_gate)
        {
            AdvanceAll(); // as a provision would: a provisioning or removal that finished since the last request counts
            SubscriberOutcome?[] refusals = [email is null ? null : EmailRefusal(email), customerId is null ? null : CustomerRefusal(customerId, subPartner)];
            return [.. refusals.OfType<SubscriberOutcome>().SelectMany(refusal => refusal.Errors)];
        }
    }

    /// <summary>Why Webex refuses a subscriber in this customer now; null when it accepts one. Callers hold the lock and have advanced.</summary>
    private SubscriberOutcome? CustomerRefusal(string customerId, string? subPartner)
    {
        if (Suspended(subPartner) is { } suspended)
        {
            return suspended;
        }

        var customer = _state.Customers.FirstOrDefault(c => c.Id == customerId && c.SubPartnerOrgId == subPartner);
        if (customer is null)
        {
            return SubscriberOutcome.Refused(400, $"Customer {customerId} does not exist.");
        }

        if (customer.PendingOperation is not null || customer.Status is not ("provisioned" or "provisioned_with_errors"))
        {
            return SubscriberOutcome.Refused(400, $"Customer {customerId} is {customer.Status}; subscribers can be added only to a provisioned customer.");
        }

        return null;
    }

    /// <summary>10022 when a subscriber of any customer already has the e-mail (Webex compares without case). Callers hold the lock.</summary>
    private SubscriberOutcome? EmailRefusal(string email) =>
        _state.Subscribers.Any(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase))
            ? SubscriberOutcome.Refused(400, "The email is already associated with an existing user.", EmailInUseCode)
            : null;

    public StoredSubscriber? GetSubscriber(string id, string? subPartner)
    {
        lock (_gate)
        {
            AdvanceAll();
            return VisibleSubscribers(subPartner).FirstOrDefault(s => s.Id == id) is { } found ? found with { Packages = [.. found.Packages] } : null;
        }
    }

    /// <summary>
    /// One page of the subscribers that <paramref name="matches"/> accepts (given each one's customer's externalId), and
    /// how many match in all. Only the page is copied: an estate of 50,000 subscribers is listed in 500 pages, and
    /// copying every subscriber for each of them would make the simulator, not the client, the thing measured.
    /// </summary>
    public (List<(StoredSubscriber Subscriber, string? ExternalCustomerId)> Page, int Total) ListSubscribers(string? subPartner,
        Func<StoredSubscriber, string?, bool> matches, bool byLastStatusChange, bool descending, int offset, int max)
    {
        lock (_gate)
        {
            AdvanceAll();
            var externalIds = _state.Customers.Where(c => c.SubPartnerOrgId == subPartner).ToDictionary(c => c.Id, c => c.ExternalId, StringComparer.Ordinal);
            var found = _state.Subscribers.Where(s => externalIds.TryGetValue(s.CustomerId, out var externalId) && matches(s, externalId)).ToList();
            var ordered = byLastStatusChange
                ? [.. found.OrderBy(s => s.LastStatusChange).ThenBy(s => s.Sequence)]
                : InSequence(found) ? found : [.. found.OrderBy(s => s.Sequence)];
            if (descending)
            {
                ordered.Reverse();
            }

            return ([.. ordered.Skip(offset).Take(max).Select(s => (s with { Packages = [.. s.Packages] }, externalIds[s.CustomerId]))], ordered.Count);
        }
    }

    private static bool InSequence(List<StoredSubscriber> subscribers)
    {
        for (var i = 1; i < subscribers.Count; i++)
        {
            if (subscribers[i - 1].Sequence > subscribers[i].Sequence)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every subscriber of every partner context (control API).</summary>
    public List<StoredSubscriber> AllSubscribers()
    {
        lock (_gate)
        {
            AdvanceAll();
            return [.. _state.Subscribers.OrderBy(s => s.Sequence).Select(s => s with { Packages = [.. s.Packages] })];
        }
    }

    public string? ExternalIdOf(string customerId)
    {
        lock (_gate)
        {
            return _state.Customers.FirstOrDefault(c => c.Id == customerId)?.ExternalId;
        }
    }

    public SubscriberOutcome UpdateSubscriber(string id, List<string> packages, SimSubscriberParameters? parameters, string? subPartner)
    {
        lock (_gate)
        {
            AdvanceAll();
            var subscriber = VisibleSubscribers(subPartner).FirstOrDefault(s => s.Id == id);
            if (subscriber is null)
            {
                return SubscriberOutcome.Refused(404, $"The requested resource could not be found: subscriber {id}.");
            }

            if (Suspended(subPartner) is { } suspended)
            {
                return suspended;
            }

            var addsCalling = !subscriber.Packages.Any(SubscriberRules.CallingPackages.Contains) && packages.Any(SubscriberRules.CallingPackages.Contains);
            var number = parameters?.PrimaryPhoneNumber ?? subscriber.ProvisioningParameters?.PrimaryPhoneNumber;
            var extension = parameters?.Extension ?? subscriber.ProvisioningParameters?.Extension;
            if (addsCalling && string.IsNullOrWhiteSpace(number) && string.IsNullOrWhiteSpace(extension))
            {
                return SubscriberOutcome.Refused(400, "provisioningParameters.primaryPhoneNumber or provisioningParameters.extension is required to move to a calling package");
            }

            subscriber.Packages = packages;
            if (addsCalling && parameters is not null)
            {
                subscriber.ProvisioningParameters = (subscriber.ProvisioningParameters ?? new SimSubscriberParameters()) with
                {
                    PrimaryPhoneNumber = number, Extension = extension, LocationId = parameters.LocationId,
                };
            }

            Save();
            return new SubscriberOutcome(subscriber with { Packages = [.. subscriber.Packages] }, 200, []);
        }
    }

    /// <summary>Removes the subscriber's mapping (the Webex user remains); false when there is none.</summary>
    public bool RemoveSubscriber(string id, string? subPartner)
    {
        lock (_gate)
        {
            var target = VisibleSubscribers(subPartner).FirstOrDefault(s => s.Id == id);
            var removed = target is not null && _state.Subscribers.Remove(target);
            if (removed)
            {
                Save();
            }

            return removed;
        }
    }

    /// <summary>Control API: the e-mail belongs to an active free Webex account, so its provision waits for consent.</summary>
    public void AddFreeAccount(string email)
    {
        lock (_gate)
        {
            if (!_state.FreeAccounts.Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                _state.FreeAccounts.Add(email);
                Save();
            }
        }
    }

    /// <summary>Control API: the user accepted the move; false when no subscriber waits for it.</summary>
    public bool Consent(string id)
    {
        lock (_gate)
        {
            var subscriber = _state.Subscribers.FirstOrDefault(s => s.Id == id && s.Status == "pending_user_migration");
            if (subscriber is null)
            {
                return false;
            }

            subscriber.Status = "provisioned";
            subscriber.PersonId = EncodeId("PEOPLE", Guid.NewGuid());
            subscriber.LastStatusChange = time.GetUtcNow();
            _state.FreeAccounts.RemoveAll(email => string.Equals(email, subscriber.Email, StringComparison.OrdinalIgnoreCase));
            Save();
            return true;
        }
    }

    public List<SubPartnerView> SubPartners()
    {
        lock (_gate)
        {
            return [.. _state.SubPartners];
        }
    }

    public void AddSubPartner(SubPartnerView subPartner)
    {
        lock (_gate)
        {
            _state.SubPartners.RemoveAll(existing => existing.OrgId == subPartner.OrgId);
            _state.SubPartners.Add(subPartner);
            Save();
        }
    }

    /// <summary>A suspended sub-partner may remove customers and subscribers, but not provision or update them.</summary>
    private SubscriberOutcome? Suspended(string? subPartner) =>
        subPartner is not null && _state.SubPartners.Any(p => p.OrgId == subPartner && p.ProvisioningState == "suspended")
            ? SubscriberOutcome.Refused(403, $"Sub-partner {subPartner} is suspended: it may remove subscribers but not provision or update them.")
            : null;

    private IEnumerable<StoredSubscriber> VisibleSubscribers(string? subPartner)
    {
        var customers = _state.Customers.Where(c => c.SubPartnerOrgId == subPartner).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return _state.Subscribers.Where(s => customers.Contains(s.CustomerId));
    }
}
