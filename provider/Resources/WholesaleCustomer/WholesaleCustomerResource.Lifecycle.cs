using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Fleet;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

public sealed partial class WholesaleCustomerResource
{
    public async Task<(string Id, WholesaleCustomerState State)> CreateAsync(WholesaleCustomerInputs inputs, TimeSpan? timeout, ResourceContext context)
    {
        var client = context.RequireProvider().Customers;
        var subPartner = inputs.OnBehalfOfSubPartnerOrgId;
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);

        // Never a second customer: an externalId Webex already knows belongs to a customer this stack does not manage.
        Customer? existing;
        try
        {
            existing = await client.FindExistingAsync(inputs.ExternalId!, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token);
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            throw deadline.Stopped($"before customer {inputs.ExternalId} was provisioned; nothing was created", stopped);
        }

        if (existing is not null)
        {
            throw ProviderException.Conflict(
                $"a Webex Wholesale customer with externalId '{Echo.Of(inputs.ExternalId!)}' already exists (id {existing.Id}, status {existing.Status}).\n" +
                AdoptionCommands.Import(TypeToken, context.Name, existing.Id) + AdoptionCommands.PendingCreate("customer", context.Urn, existing.Id));
        }

        var id = await ProvisionAsync(client, inputs, deadline, context);
        await context.Log.InfoAsync($"Webex accepted customer {inputs.ExternalId} as {id}; waiting for provisioning to finish");
        var awaiter = new CustomerAwaiter(client, context.Log, pollSchedule);
        var outcome = await awaiter.UntilSettledAsync(id, subPartner, "provisioning", deadline);
        return (id, Finish(id, outcome, inputs, "provisioning", "create"));
    }

    public async Task<ReadResult<WholesaleCustomerInputs, WholesaleCustomerOutputs>?> ReadAsync(string id, WholesaleCustomerInputs? oldInputs,
        WholesaleCustomerState? oldState, ResourceContext context)
    {
        CustomerId.Require(id);
        var subPartner = oldInputs?.OnBehalfOfSubPartnerOrgId ?? oldState?.Inputs.OnBehalfOfSubPartnerOrgId;
        var customer = await context.RequireProvider().Customers.ReadAsync(id, subPartner, context.Cancellation);
        if (customer is null)
        {
            return null;
        }

        var inputs = WholesaleCustomerMapping.ToInputs(customer, oldInputs);
        var state = WholesaleCustomerMapping.ToState(customer, inputs);
        if (oldState is not null && customer.Status is CustomerStatus.Error or CustomerStatus.ProvisionedWithErrors)
        {
            throw new ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>(id, state, Reasons(customer, "refresh"), inputs);
        }

        return new ReadResult<WholesaleCustomerInputs, WholesaleCustomerOutputs>(id, state, inputs);
    }

    public async Task<WholesaleCustomerState> UpdateAsync(string id, WholesaleCustomerState olds, WholesaleCustomerInputs oldInputs,
        WholesaleCustomerInputs news, TimeSpan? timeout, ResourceContext context)
    {
        CustomerId.Require(id);
        var client = context.RequireProvider().Customers;
        var subPartner = news.OnBehalfOfSubPartnerOrgId;
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);
        var awaiter = new CustomerAwaiter(client, context.Log, pollSchedule);

        var current = await WaitUntilIdleAsync(awaiter, id, subPartner, deadline, oldInputs);
        // Webex's last attempt failed, or it holds something else: only then is it asked to change anything.
        if (current.Status == CustomerStatus.Provisioned && WholesaleCustomerMapping.WebexMatches(current, oldInputs, news))
        {
            return WholesaleCustomerMapping.ToState(current, news);
        }

        var addsCalling = PackageSet.Of(news.Packages).Except(PackageSet.Of(current.Packages)).Any(PackageCatalog.Calling.Contains);
        var parametersChanged = !WholesaleCustomerMapping.WebexMatches(current, oldInputs, oldInputs with { ProvisioningParameters = news.ProvisioningParameters });
        var request = WholesaleCustomerMapping.ToUpdate(news, includeParameters: addsCalling || parametersChanged);
        try
        {
            try
            {
                await client.UpdateAsync(id, request, subPartner, deadline.Token);
            }
            catch (WebexApiException error) when (error.Kind == WebexErrorKind.Busy)
            {
                // Webex started something else on this customer meanwhile: let it finish, then send the update again.
                current = await WaitUntilIdleAsync(awaiter, id, subPartner, deadline, oldInputs);
                await client.UpdateAsync(id, request, subPartner, deadline.Token);
            }
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            // Webex may or may not have taken the update: the customer is recorded as last seen, and the next
            // `pulumi up` compares again and sends what is still missing.
            throw new ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>(id, WholesaleCustomerMapping.LastKnown(current, oldInputs),
                [Incomplete(CustomerAwaiter.Stopped(deadline, current, stopped), id, "while sending the update")]);
        }

        var outcome = await awaiter.UntilSettledAsync(id, subPartner, "updating", deadline);
        return Finish(id, outcome, news, "updating", "update");
    }

    public async Task DeleteAsync(string id, WholesaleCustomerState olds, WholesaleCustomerInputs? oldInputs, TimeSpan? timeout, ResourceContext context)
    {
        CustomerId.Require(id);
        var client = context.RequireProvider().Customers;
        var subPartner = oldInputs?.OnBehalfOfSubPartnerOrgId ?? olds.Inputs.OnBehalfOfSubPartnerOrgId;
        using var deadline = new OperationDeadline(timeout ?? DefaultTimeout, context.Time, context.Cancellation);
        var awaiter = new CustomerAwaiter(client, context.Log, pollSchedule);

        Customer? before = null;
        try
        {
            before = await client.ReadAsync(id, subPartner, deadline.Token);
            if (before is null)
            {
                return; // already gone: nothing to do
            }

            if (before.Status != CustomerStatus.Deleting)
            {
                if (CustomerAwaiter.InProgress.Contains(before.Status ?? ""))
                {
                    var idle = await awaiter.UntilIdleAsync(id, subPartner, "waiting to remove", deadline);
                    if (idle.End == AwaitEnd.Gone)
                    {
                        return;
                    }

                    ThrowIfIncomplete(idle, id, "before removing it");
                }

                if (!await client.RemoveAsync(id, subPartner, deadline.Token))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            ThrowIfIncomplete(CustomerAwaiter.Stopped(deadline, before, stopped), id, "before Webex confirmed the removal");
        }

        var gone = await awaiter.UntilGoneAsync(id, subPartner, deadline);
        if (gone.End != AwaitEnd.Gone)
        {
            ThrowIfIncomplete(gone, id, "while Webex was removing it; the removal is still running");
        }
    }

    /// <summary>Provisions that Webex refused with an answer of its own (5xx) and that provably created nothing are sent again.</summary>
    private const int ProvisionAttempts = 4;

    private static async Task<string> ProvisionAsync(CustomerFleet client, WholesaleCustomerInputs inputs, OperationDeadline deadline,
        ResourceContext context)
    {
        try
        {
            return await ProvisionWithinDeadlineAsync(client, inputs, deadline, context);
        }
        catch (OperationCanceledException stopped) when (deadline.Token.IsCancellationRequested)
        {
            var created = await deadline.LastLookAsync(look => client.FindByExternalIdAsync(inputs.ExternalId!, inputs.OnBehalfOfSubPartnerOrgId, look));

            if (created is not null)
            {
                throw new ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>(created.Id,
                    WholesaleCustomerMapping.LastKnown(created, inputs), [Incomplete(CustomerAwaiter.Stopped(deadline, created, stopped), created.Id, "while Webex was provisioning it")]);
            }

            throw deadline.Stopped($"while asking Webex to provision customer {inputs.ExternalId}; Webex may still create it: " +
                                    "the next `pulumi up` finds it by externalId and says how to adopt it", stopped);
        }
    }

    private static async Task<string> ProvisionWithinDeadlineAsync(CustomerFleet client, WholesaleCustomerInputs inputs,
        OperationDeadline deadline, ResourceContext context)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.ProvisionAsync(WholesaleCustomerMapping.ToProvision(inputs), inputs.OnBehalfOfSubPartnerOrgId, deadline.Token);
            }
            catch (WebexApiException error) when (error.Kind == WebexErrorKind.Unavailable)
            {
                // The answer is lost or ambiguous: Webex may have created the customer. Posting again could create a
                // second one, so look for it by externalId instead.
                await context.Log.InfoAsync($"no clear answer to provisioning {inputs.ExternalId} ({error.Message}); looking it up by externalId");
                if (await client.FindByExternalIdAsync(inputs.ExternalId!, inputs.OnBehalfOfSubPartnerOrgId, deadline.Token) is { } created)
                {
                    return created.Id;
                }

                // Only an answer (a 5xx) proves the request was refused: after a lost connection Webex may still be
                // creating the customer, and posting again could make a second one.
                var wait = TimeSpan.FromSeconds(2 << (attempt - 1));
                if (error.StatusCode is null || attempt == ProvisionAttempts || wait >= deadline.Remaining)
                {
                    throw new ProviderException(ProviderErrorKind.Unavailable,
                        $"{error.Message}; no customer with externalId '{Echo.Of(inputs.ExternalId!)}' exists, so none was created — run pulumi up again", error);
                }

                await context.Log.InfoAsync($"Webex refused to provision {inputs.ExternalId} and created nothing; sending it again in {wait.TotalSeconds:0} s");
                await Task.Delay(wait, context.Time, deadline.Token);
            }
        }
    }

    private static async Task<Customer> WaitUntilIdleAsync(CustomerAwaiter awaiter, string id, string? subPartner, OperationDeadline deadline,
        WholesaleCustomerInputs oldInputs)
    {
        var idle = await awaiter.UntilIdleAsync(id, subPartner, "waiting for Webex before updating", deadline);
        switch (idle.End)
        {
            case AwaitEnd.Settled:
                return idle.LastSeen!;
            case AwaitEnd.Gone:
                throw ProviderException.Conflict(
                    $"customer {id} no longer exists in Webex (removed outside Pulumi); run `pulumi refresh` to drop it from the stack, then `pulumi up` to create it again");
            default:
                throw new ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>(id, WholesaleCustomerMapping.LastKnown(idle.LastSeen, oldInputs),
                    [Incomplete(idle, id, "before updating")]);
        }
    }

    /// <summary>
    /// The state after a wait. Success only when Webex reports the customer provisioned; anything else is a resource
    /// that exists but is not as asked, recorded with the reasons from Webex.
    /// </summary>
    private static WholesaleCustomerState Finish(string id, AwaitOutcome outcome, WholesaleCustomerInputs inputs, string action, string operation)
    {
        var state = WholesaleCustomerMapping.LastKnown(outcome.LastSeen, inputs);
        if (outcome is { End: AwaitEnd.Settled, LastSeen.Status: CustomerStatus.Provisioned })
        {
            return state;
        }

        var reasons = outcome.End switch
        {
            AwaitEnd.Settled => Reasons(outcome.LastSeen!, operation),
            AwaitEnd.Gone => [$"customer {id} disappeared from Webex while {action}"],
            _ => [Incomplete(outcome, id, $"while Webex was {action} it")],
        };
        throw new ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>(id, state, reasons);
    }

    private static List<string> Reasons(Customer customer, string operation)
    {
        var reasons = new List<string> { $"Webex reports customer {customer.ExternalId ?? customer.Id} as {customer.Status} after the {operation}" };
        reasons.AddRange((customer.Errors ?? []).Select(error => $"Webex: {error}"));
        foreach (var package in customer.ResourceDetails?.Packages ?? [])
        {
            reasons.AddRange((package.Errors ?? []).Select(error => $"package {package.Name} ({package.Status}): {error}"));
            reasons.AddRange((package.Warnings ?? []).Select(warning => $"package {package.Name} warning: {warning}"));
        }

        reasons.Add("fix the cause and run `pulumi up` again: the customer is kept in the stack and will be updated");
        return reasons;
    }

    /// <param name="next">the command that continues the operation: `pulumi up`, or `pulumi destroy` for a removal</param>
    private static string Incomplete(AwaitOutcome outcome, string id, string when, string next = "pulumi up")
    {
        var status = (outcome.LastSeen?.Status is { } seen ? $"; Webex last reported status {seen}" : "") +
                     (outcome.LastAnswer is { } answer ? $"; the last answer from Webex: {answer}" : "");
        return outcome.End == AwaitEnd.Cancelled
            ? $"cancelled {when} (customer {id}){status}. The customer is kept in the stack; the next `{next}` continues from there"
            : $"timed out after {CustomerAwaiter.Elapsed(outcome.Elapsed)} {when} (customer {id}){status}. The customer is kept in the stack: " +
              $"run `{next}` again to keep waiting, or allow more time with the customTimeouts resource option";
    }

    private static void ThrowIfIncomplete(AwaitOutcome outcome, string id, string when)
    {
        if (outcome.End is AwaitEnd.TimedOut or AwaitEnd.Cancelled)
        {
            throw new ProviderException(outcome.End == AwaitEnd.Cancelled ? ProviderErrorKind.Cancelled : ProviderErrorKind.TimedOut,
                Incomplete(outcome, id, when, next: "pulumi destroy"));
        }
    }
}
