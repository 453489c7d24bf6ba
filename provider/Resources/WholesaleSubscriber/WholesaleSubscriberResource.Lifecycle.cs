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
        if (subscriber.Status == SubscriberStatus.PendingUserMigration)
        {
            await context.Log.WarningAsync(
                $"{inputs.Email} has an active free Webex account: Webex sent them an e-mail to move it into customer {inputs.CustomerId}. Until they accept, " +
                $"the subscriber is {SubscriberStatus.PendingUserMigration} without a personId; `pulumi refresh` shows when they have. To send the e-mail " +
                $"again: POST {{baseUrl}}/subscribers/{subscriber.Id}/emails/consentMove (see the README, \"Subscribers\")");
        }

        return (subscriber.Id, WholesaleSubscriberMapping.ToState(subscriber, WholesaleSubscriberMapping.ToInputs(subscriber, inputs)));
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
            return WholesaleSubscriberMapping.ToState(updated, WholesaleSubscriberMapping.ToInputs(updated, news));
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

    private static async Task<Subscriber> ProvisionAsync(SubscriberFleet client, WholesaleSubscriberInputs inputs, OperationDeadline deadline, ResourceContext context)
    {
        try
        {
            return await ProvisionWithinDeadlineAsync(client, inputs, deadline, context);
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            var created = await deadline.LastLookAsync(look => client.FindByEmailAsync(inputs.Email!, inputs.OnBehalfOfSubPartnerOrgId, look));

            if (created is not null && created.CustomerId == inputs.CustomerId)
            {
                throw new ResourceInitFailedException<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(created.Id,
                    WholesaleSubscriberMapping.ToState(created, WholesaleSubscriberMapping.ToInputs(created, inputs)),
                    [deadline.Stopped($"while provisioning subscriber {inputs.Email}; Webex had created it (id {created.Id}), so it is kept in the stack", stopped).Message]);
            }

            throw deadline.Stopped($"while asking Webex to provision subscriber {inputs.Email}; Webex may still create it: the next `pulumi up` " +
                                   "finds it by e-mail and says how to adopt it", stopped);
        }
    }

    private static async Task<Subscriber> ProvisionWithinDeadlineAsync(SubscriberFleet client, WholesaleSubscriberInputs inputs, OperationDeadline deadline,
        ResourceContext context)
    {
        var request = WholesaleSubscriberMapping.ToProvision(inputs);
        var lostAnswer = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.ProvisionAsync(request, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token);
            }
            catch (WebexApiException error) when (IsEmailInUse(error))
            {
                var holder = await client.FindByEmailAsync(inputs.Email!, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token);
                if (holder is not null && lostAnswer && holder.CustomerId == inputs.CustomerId)
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
                if (await client.FindByEmailAsync(inputs.Email!, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token) is { } created && created.CustomerId == inputs.CustomerId)
                {
                    return created;
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

    private static bool IsEmailInUse(WebexApiException error) =>
        error.Errors.Any(detail => detail.ErrorCode == SubscriberPrecheck.EmailInUse) ||
        error.WebexMessage?.Contains("already associated with an existing user", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Webex refuses a subscriber in a customer that is not provisioned (still provisioning, failed, or removed): say what to do.</summary>
    private static string CustomerAdvice(WebexApiException error, WholesaleSubscriberInputs inputs) =>
        error.Message.Contains("customer", StringComparison.OrdinalIgnoreCase)
            ? $". Customer {inputs.CustomerId} must exist and be provisioned before it has subscribers: pass the WholesaleCustomer's id " +
              "(customer.id), so that the subscriber is created after it; if the customer failed or was removed, fix it first"
            : "";

    private static ProviderException AlreadyExists(Subscriber holder, WholesaleSubscriberInputs inputs, ResourceContext context) => ProviderException.Conflict(
        $"a Webex Wholesale subscriber with e-mail '{Echo.Of(inputs.Email!)}' already exists (id {holder.Id}, customer {holder.CustomerId}, status {holder.Status}); " +
        "Webex allows one subscriber per e-mail. " +
        $"To manage it with this stack, import it: pulumi import {TypeToken} {context.Name} {holder.Id}. " +
        "If an earlier `pulumi up` was interrupted while it created this subscriber, adopt the pending create instead: " +
        $"pulumi refresh --import-pending-creates '{context.Urn}' {holder.Id}");
}
