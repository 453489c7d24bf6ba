using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Fleet;

namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

public sealed partial class WholesaleSubscriberResource
{
    /// <summary>Provisions that met no answer, or a 5xx, and provably created nothing are sent again this many times in all.</summary>
    private const int ProvisionAttempts = 4;

    /// <summary>
    /// Creates the subscriber. Webex answers when it is done: <c>provisioned</c>, or <c>pending_user_migration</c> when
    /// the person has an active free Webex account and must accept the move; that is a success with a warning (it has
    /// no time limit; a refresh shows when it happened). customTimeouts.create bounds the request and its retries.
    /// </summary>
    public async Task<(string Id, WholesaleSubscriberState State)> CreateAsync(WholesaleSubscriberInputs inputs, TimeSpan? timeout, ResourceContext context)
    {
        var client = context.RequireProvider().Subscribers;
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);
        var subscriber = await ProvisionAsync(client, inputs, deadline, context);
        var state = WholesaleSubscriberMapping.ToState(subscriber, WholesaleSubscriberMapping.ToInputs(subscriber, inputs));
        if (Unfinished(subscriber, inputs, "provisioning") is { } reasons)
        {
            throw new ResourceInitFailedException<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(subscriber.Id, state, reasons);
        }

        if (subscriber.Status == SubscriberStatus.PendingUserMigration)
        {
            await context.Log.WarningAsync(
                $"{inputs.Email} has an active free Webex account: Webex sent them an e-mail to move it into customer {inputs.CustomerId}. Until they accept, " +
                $"the subscriber is {SubscriberStatus.PendingUserMigration} without a personId; `pulumi refresh` shows when they have. To send the e-mail " +
                $"again: POST {{baseUrl}}/subscribers/{subscriber.Id}/emails/consentMove (see the README, \"Subscribers\")");
        }

        return (subscriber.Id, state);
    }

    /// <summary>
    /// Why a subscriber Webex answered with is not what was asked, or null: Webex answers a subscriber write when it is
    /// done, so anything but <c>provisioned</c> without errors (or a person's pending consent) is a subscriber that
    /// exists but is not right. The engine records it with these reasons, and the next `pulumi up` sends it again.
    /// </summary>
    private static IReadOnlyList<string>? Unfinished(Subscriber subscriber, WholesaleSubscriberInputs inputs, string action)
    {
        var errors = (subscriber.Errors ?? []).Select(error => error.ToString()).Where(text => text.Length > 0).ToList();
        if (subscriber.Status is SubscriberStatus.Provisioned or SubscriberStatus.PendingUserMigration && errors.Count == 0)
        {
            return null;
        }

        var status = subscriber.Status is { } reported ? $"status '{Echo.Of(reported)}'" : "no status";
        return [$"Webex finished {action} subscriber {inputs.Email} (id {subscriber.Id}) with {status}" +
                (errors.Count > 0 ? $" and these errors: {string.Join("; ", errors)}" : "") +
                "; it is kept in the stack: fix what Webex reports, then `pulumi up` sends it again (`pulumi refresh` shows its status meanwhile)"];
    }

    public async Task<ReadResult<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>?> ReadAsync(string id, WholesaleSubscriberInputs? oldInputs,
        WholesaleSubscriberState? oldState, ResourceContext context)
    {
        SubscriberId.Require(id);
        var known = oldInputs ?? oldState?.Inputs;
        var subscriber = await context.RequireProvider().Subscribers.ReadAsync(id, known?.OnBehalfOfSubPartnerOrgId, context.Cancellation);
        if (subscriber is null)
        {
            return null;
        }

        var inputs = WholesaleSubscriberMapping.ToInputs(subscriber, known);
        return new ReadResult<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(id, WholesaleSubscriberMapping.ToState(subscriber, inputs), inputs);
    }

    public async Task<WholesaleSubscriberState> UpdateAsync(string id, WholesaleSubscriberState olds, WholesaleSubscriberInputs oldInputs,
        WholesaleSubscriberInputs news, TimeSpan? timeout, ResourceContext context)
    {
        SubscriberId.Require(id);
        var client = context.RequireProvider().Subscribers;
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);
        var movesToCalling = SubscriberPackages.HasCalling(news.Packages) && !SubscriberPackages.HasCalling(oldInputs.Packages);
        try
        {
            var updated = await client.UpdateAsync(id, WholesaleSubscriberMapping.ToUpdate(news, movesToCalling), news.OnBehalfOfSubPartnerOrgId, deadline.Token);
            var state = WholesaleSubscriberMapping.ToState(updated, WholesaleSubscriberMapping.ToInputs(updated, news));
            return Unfinished(updated, news, "updating") is { } reasons
                ? throw new ResourceInitFailedException<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(id, state, reasons)
                : state;
        }
        catch (WebexApiException error) when (error.Kind == WebexErrorKind.NotFound)
        {
            throw ProviderException.Conflict($"subscriber {id} ({oldInputs.Email}) no longer exists in Webex (removed outside Pulumi); " +
                                             "run `pulumi refresh` to drop it from the stack, then `pulumi up` to create it again");
        }
        catch (WebexApiException error) when (error.Kind == WebexErrorKind.Rejected)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput, $"Webex refused to change the packages of {oldInputs.Email} to {string.Join(", ", news.Packages ?? [])}: " +
                                                                        $"{error.Message}{CustomerAdvice(error, news)}", error);
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            // Webex may or may not have taken the update: the subscriber is recorded as it was, and the next
            // `pulumi up` compares again and sends what is still missing.
            throw new ResourceInitFailedException<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(id, olds,
                [deadline.Stopped($"while sending the update of subscriber {id} ({oldInputs.Email}); the subscriber is kept in the stack as it was, " +
                                  "and the next `pulumi up` sends what is still missing", stopped).Message]);
        }
    }

    /// <summary>Removes the subscriber (204) and returns once Webex no longer shows it, so the customer's removal that follows finds none.</summary>
    public async Task DeleteAsync(string id, WholesaleSubscriberState olds, WholesaleSubscriberInputs? oldInputs, TimeSpan? timeout, ResourceContext context)
    {
        SubscriberId.Require(id);
        var client = context.RequireProvider().Subscribers;
        var subPartner = oldInputs?.OnBehalfOfSubPartnerOrgId ?? olds.Inputs.OnBehalfOfSubPartnerOrgId;
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);
        try
        {
            if (!await client.RemoveAsync(id, subPartner, deadline.Token))
            {
                return; // already gone
            }

            for (var wait = TimeSpan.Zero; await client.NextLookAsync(id, subPartner, wait, removal: true, deadline.Token) is not null; wait = TimeSpan.FromSeconds(2))
            {
                await context.Log.StatusAsync($"removed subscriber {olds.Inputs.Email}; waiting until Webex no longer shows it ({OperationDeadline.Format(deadline.Elapsed)})");
            }
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            throw deadline.Stopped($"before Webex confirmed the removal of subscriber {id} ({olds.Inputs.Email}); it is kept in the stack: " +
                                   "run `pulumi destroy` (or `pulumi up`) again", stopped);
        }
    }

    /// <summary>
    /// How far Webex's clock may be behind ours when it stamps a subscriber's <c>created</c>: a subscriber created up to
    /// this long before our first POST still counts as that POST's. NTP keeps both within a second; a clock further
    /// off only makes a lost answer end with the adoption commands instead of recording the subscriber.
    /// </summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromSeconds(30);

    private static async Task<Subscriber> ProvisionAsync(SubscriberFleet client, WholesaleSubscriberInputs inputs, OperationDeadline deadline, ResourceContext context)
    {
        var request = new ProvisionRequest(inputs, context.Time.GetUtcNow());
        try
        {
            return await ProvisionWithinDeadlineAsync(client, request, deadline, context);
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            var found = await deadline.LastLookAsync(look => client.FindByEmailAsync(inputs.Email!, inputs.OnBehalfOfSubPartnerOrgId, look));
            if (found is not null && request.Made(found, client))
            {
                throw new ResourceInitFailedException<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(found.Id,
                    WholesaleSubscriberMapping.ToState(found, WholesaleSubscriberMapping.ToInputs(found, inputs)),
                    [deadline.Stopped($"while provisioning subscriber {inputs.Email}; Webex had created it (id {found.Id}), so it is kept in the stack", stopped).Message]);
            }

            if (found is not null)
            {
                throw new ProviderException(ProviderErrorKind.Conflict, deadline.Stopped($"while asking Webex to provision subscriber {inputs.Email}, " +
                    $"and a subscriber this request did not create holds the e-mail", stopped).Message + ".\n" + AlreadyExists(found, inputs, context).Message);
            }

            throw deadline.Stopped($"while asking Webex to provision subscriber {inputs.Email}; Webex may still create it: the next `pulumi up` " +
                                   "finds it by e-mail and says how to adopt it", stopped);
        }
    }

    /// <summary>One create's POST: the inputs, and when it was first sent.</summary>
    private sealed record ProvisionRequest(WholesaleSubscriberInputs Inputs, DateTimeOffset FirstSent)
    {
        /// <summary>
        /// Whether a subscriber found by e-mail after a lost answer is provably this request's: in the customer asked
        /// for, created by Webex after the first POST was sent (less <see cref="ClockSkewAllowance"/>), and not a holder
        /// this process's Check saw before. Anything else is somebody's subscriber, adopted only by a command.
        /// </summary>
        public bool Made(Subscriber found, SubscriberFleet client) =>
            found.CustomerId == Inputs.CustomerId
            && DateTimeOffset.TryParse(found.Created, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var created)
            && created >= FirstSent - ClockSkewAllowance
            && !client.SawHolder(Inputs.Email!, found.Id);
    }

    private static async Task<Subscriber> ProvisionWithinDeadlineAsync(SubscriberFleet client, ProvisionRequest request, OperationDeadline deadline,
        ResourceContext context)
    {
        var inputs = request.Inputs;
        var body = WholesaleSubscriberMapping.ToProvision(inputs);
        var lostAnswer = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var created = await client.ProvisionAsync(body, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token);
                return SubscriberId.Problem(created.Id) is null ? created : await ByEmailInsteadOfAsync(client, created, request, deadline, context);
            }
            catch (WebexApiException error) when (IsEmailInUse(error))
            {
                var holder = await client.FindByEmailAsync(inputs.Email!, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token)
                             ?? await client.FindInCustomerAsync(inputs.Email!, inputs.CustomerId!, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token);
                if (holder is not null && lostAnswer && request.Made(holder, client))
                {
                    // Our own earlier request had created it, and only its answer was lost.
                    await context.Log.WarningAsync($"the answer to provisioning {inputs.Email} was lost, but Webex had created it (id {holder.Id}); it is recorded in the stack");
                    return holder;
                }

                throw holder is not null ? AlreadyExists(holder, inputs, context) : new ProviderException(ProviderErrorKind.InvalidInput,
                    $"email: Webex refused {inputs.Email}: {error.Message}. The address belongs to a Webex user who is not a subscriber of this partner " +
                    "(in another organization, or the person of a removed subscriber: an e-mail lives in one Webex organization only); " +
                    "remove that user, or use another address", error);
            }
            catch (WebexApiException error) when (error.Kind == WebexErrorKind.Unavailable)
            {
                // The answer is lost or ambiguous: Webex may have created the subscriber. Sending again is safe, since
                // Webex refuses a second subscriber with this e-mail (10022) and that refusal finds the first; looking
                // first spares the request.
                lostAnswer = true;
                await context.Log.InfoAsync($"no clear answer to provisioning {inputs.Email} ({error.Message}); looking it up by e-mail");
                if (await client.FindByEmailAsync(inputs.Email!, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token) is { } found)
                {
                    return request.Made(found, client) ? found : throw AlreadyExists(found, inputs, context);
                }

                var wait = TimeSpan.FromSeconds(2 << (attempt - 1));
                if (attempt == ProvisionAttempts || wait >= deadline.Remaining)
                {
                    throw new ProviderException(ProviderErrorKind.Unavailable,
                        $"{error.Message}; no subscriber with e-mail {inputs.Email} exists, so none was created — run pulumi up again", error);
                }

                await Task.Delay(wait, context.Time, deadline.Token);
            }
            catch (WebexApiException error) when (error.Kind is WebexErrorKind.Rejected or WebexErrorKind.NotFound)
            {
                throw new ProviderException(ProviderErrorKind.InvalidInput,
                    $"Webex refused subscriber {inputs.Email} in customer {inputs.CustomerId}: {error.Message}{CustomerAdvice(error, inputs)}", error);
            }
        }
    }

    /// <summary>
    /// Webex answered the POST with an id that cannot be one (empty, or a path such as <c>../customers/…</c>), which
    /// could be neither refreshed nor deleted: the subscriber is found by e-mail instead, and never recorded under that id.
    /// </summary>
    private static async Task<Subscriber> ByEmailInsteadOfAsync(SubscriberFleet client, Subscriber answered, ProvisionRequest request, OperationDeadline deadline,
        ResourceContext context)
    {
        var inputs = request.Inputs;
        await context.Log.InfoAsync($"Webex answered the provisioning of {inputs.Email} with id '{Echo.Of(answered.Id)}', which is not a Webex subscriber id; looking it up by e-mail");
        var found = await client.FindByEmailAsync(inputs.Email!, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token);
        if (found is not null && SubscriberId.Problem(found.Id) is null && request.Made(found, client))
        {
            return found;
        }

        throw new ProviderException(ProviderErrorKind.Unavailable,
            $"Webex answered the provisioning of subscriber {inputs.Email} with id '{Echo.Of(answered.Id)}', which is not a Webex subscriber id, " +
            $"and {(found is null ? "no subscriber with that e-mail can be found" : $"the subscriber found by e-mail (id '{Echo.Of(found.Id)}') cannot be shown to be this request's")}; " +
            "nothing was recorded. Run `pulumi up` again: it finds the subscriber by e-mail and says how to adopt it");
    }

    private static bool IsEmailInUse(WebexApiException error) =>
        error.Errors.Any(detail => detail.ErrorCode == SubscriberPrecheck.EmailInUse) ||
        error.WebexMessage?.Contains("already associated with an existing user", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Webex refuses a subscriber in a customer that is not provisioned (still provisioning, failed, or removed): say what to do.</summary>
    private static string CustomerAdvice(WebexApiException error, WholesaleSubscriberInputs inputs) =>
        error.Message.Contains("customer", StringComparison.OrdinalIgnoreCase)
            ? $". Customer {inputs.CustomerId} must exist and be provisioned before it has subscribers: pass the WholesaleCustomer's id " +
              "(customer.id), so that the subscriber is created after it; if the customer failed or was removed, fix it first"
            : "";

    /// <summary>
    /// The e-mail is held by a subscriber this create did not provably make. The commands offered are the ones that
    /// apply: the pending create only for a subscriber in this resource's customer (where its create could have made it).
    /// </summary>
    private static ProviderException AlreadyExists(Subscriber holder, WholesaleSubscriberInputs inputs, ResourceContext context)
    {
        var here = holder.CustomerId == inputs.CustomerId;
        return ProviderException.Conflict(
            $"a Webex Wholesale subscriber with e-mail '{Echo.Of(inputs.Email!)}' already exists (id {holder.Id}, customer {holder.CustomerId}, status {holder.Status}); " +
            "Webex allows one subscriber per e-mail.\n" +
            (here
                ? AdoptionCommands.Import(TypeToken, context.Name, holder.Id) + AdoptionCommands.PendingCreate("subscriber", context.Urn, holder.Id)
                : $"It belongs to customer {holder.CustomerId}, not to customer {inputs.CustomerId}: use another e-mail, remove that subscriber, or declare it " +
                  $"with customerId {holder.CustomerId} and import it:\n    pulumi import {TypeToken} {context.Name} {holder.Id}\n"));
    }
}
