using System.Globalization;

namespace WebexWholesale.Simulator;

/// <summary>The Wholesale Subscribers operations and the sub-partners list, answering as the contract describes.</summary>
internal sealed class SubscribersApi(CustomerStore store)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    public async Task List(HttpContext context)
    {
        var query = context.Request.Query;
        if (!ApiRequests.TryReadInt(query["max"], DefaultPageSize, 1, MaxPageSize, out var max) || !ApiRequests.TryReadInt(query["offset"], 0, 0, int.MaxValue, out var offset))
        {
            await SimulatorApp.WriteError(context, 400, $"max must be a whole number from 1 to {MaxPageSize} and offset a whole number from 0");
            return;
        }

        string? Filter(string name) => query[name].FirstOrDefault();
        var statuses = query["status"].SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        var (customerId, personId, externalId, email) = (Filter("customerId"), Filter("personId"), Filter("externalCustomerId"), Filter("email"));
        var (page, total) = store.ListSubscribers(SubPartner(context),
            (subscriber, externalCustomerId) =>
                (customerId is null || subscriber.CustomerId == customerId)
                && (personId is null || subscriber.PersonId == personId)
                && (externalId is null || externalCustomerId == externalId)
                && (email is null || string.Equals(subscriber.Email, email, StringComparison.OrdinalIgnoreCase))
                && (statuses.Count == 0 || statuses.Contains(subscriber.Status)),
            byLastStatusChange: Filter("sortBy") == "lastStatusChange",
            descending: string.Equals(Filter("sortOrder"), "DESC", StringComparison.OrdinalIgnoreCase),
            offset, max);
        var items = page.Select(pair => View(pair.Subscriber, pair.ExternalCustomerId)).ToList();
        ApiRequests.LinkNextPage(context, "/v1/wholesale/subscribers", offset, max, total);
        await SimulatorApp.WriteJson(context, 200, new SubscriberListView { Items = items }, SimulatorJson.Default.SubscriberListView);
    }

    public async Task Provision(HttpContext context)
    {
        var body = await ApiRequests.ReadBody(context, SimulatorJson.Default.SubscriberBody);
        if (body is null)
        {
            return;
        }

        var errors = SubscriberRules.ValidateProvision(body);
        var packages = errors.Count == 0 ? SubscriberRules.PackagesOf(errors, body.Package, body.Packages) : null;
        if (errors.Count > 0)
        {
            await SimulatorApp.WriteError(context, 400, "The request could not be validated.", errors.Select(text => new ErrorItem { Description = text }));
            return;
        }

        await Answer(context, store.ProvisionSubscriber(body, packages!, SubPartner(context)));
    }

    public async Task Precheck(HttpContext context)
    {
        var body = await ApiRequests.ReadBody(context, SimulatorJson.Default.SubscriberBody);
        if (body is null)
        {
            return;
        }

        // The precheck runs the rules that apply to what it was given: only the e-mail is required.
        var errors = SubscriberRules.ValidateProvision(body with
        {
            CustomerId = body.CustomerId ?? "-",
            Packages = body.Package is null ? body.Packages ?? ["webex_meetings"] : null,
            ProvisioningParameters = body.ProvisioningParameters ?? new SimSubscriberParameters(),
        }).Select(text => new ErrorItem { Description = text }).ToList();
        errors.AddRange(store.PrecheckRefusals(body.Email, body.CustomerId, SubPartner(context)));

        if (errors.Count > 0)
        {
            await SimulatorApp.WriteError(context, 400, "Subscriber provisioning preCheck validation failed.", errors);
            return;
        }

        await SimulatorApp.WriteJson(context, 200,
            new PrecheckView { Message = "success", Info = new PrecheckInfoView { InfoCode = 100, Description = "Provisioning preCheck validation successful." } },
            SimulatorJson.Default.PrecheckView);
    }

    public async Task Get(HttpContext context)
    {
        if (store.GetSubscriber(SubscriberId(context), SubPartner(context)) is { } subscriber)
        {
            await SimulatorApp.WriteJson(context, 200, View(subscriber, store.ExternalIdOf(subscriber.CustomerId)), SimulatorJson.Default.SubscriberView);
            return;
        }

        await NotFound(context);
    }

    public async Task Update(HttpContext context)
    {
        var body = await ApiRequests.ReadBody(context, SimulatorJson.Default.SubscriberUpdateBody);
        if (body is null)
        {
            return;
        }

        var errors = new List<string>();
        var packages = SubscriberRules.PackagesOf(errors, body.Package, body.Packages);
        if (packages is null)
        {
            await SimulatorApp.WriteError(context, 400, "The request could not be validated.", errors.Select(text => new ErrorItem { Description = text }));
            return;
        }

        await Answer(context, store.UpdateSubscriber(SubscriberId(context), packages, body.ProvisioningParameters, SubPartner(context)));
    }

    public async Task Remove(HttpContext context)
    {
        if (store.RemoveSubscriber(SubscriberId(context), SubPartner(context)))
        {
            context.Response.StatusCode = 204;
            return;
        }

        await NotFound(context);
    }

    /// <summary><c>POST /subscribers/{id}/emails/consentMove</c>: sends the consent e-mail again (204) to a subscriber that waits for it.</summary>
    public async Task ResendConsent(HttpContext context)
    {
        var subscriber = store.GetSubscriber(SubscriberId(context), SubPartner(context));
        if (subscriber is null)
        {
            await NotFound(context);
        }
        else if (subscriber.Status != "pending_user_migration")
        {
            await SimulatorApp.WriteError(context, 400, $"Subscriber {subscriber.Id} is {subscriber.Status}; only a subscriber in pending_user_migration is sent the consent e-mail.");
        }
        else
        {
            context.Response.StatusCode = 204;
        }
    }

    public async Task SubPartners(HttpContext context)
    {
        var query = context.Request.Query;
        if (!ApiRequests.TryReadInt(query["max"], DefaultPageSize, 1, MaxPageSize, out var max) || !ApiRequests.TryReadInt(query["offset"], 0, 0, int.MaxValue, out var offset))
        {
            await SimulatorApp.WriteError(context, 400, $"max must be a whole number from 1 to {MaxPageSize} and offset a whole number from 0");
            return;
        }

        var state = query["provisioningState"].FirstOrDefault();
        var matches = store.SubPartners().Where(p => state is null || p.ProvisioningState == state).ToList();
        ApiRequests.LinkNextPage(context, "/v1/wholesale/subPartners", offset, max, matches.Count);
        await SimulatorApp.WriteJson(context, 200, new SubPartnerListView { Items = [.. matches.Skip(offset).Take(max)] }, SimulatorJson.Default.SubPartnerListView);
    }

    public static SubscriberView View(StoredSubscriber subscriber, string? externalCustomerId) => new()
    {
        Id = subscriber.Id,
        PersonId = subscriber.PersonId,
        Email = subscriber.Email,
        CustomerId = subscriber.CustomerId,
        ExternalCustomerId = externalCustomerId,
        Package = subscriber.Packages.FirstOrDefault(SubscriberRules.BasePackages.Contains),
        Packages = [.. subscriber.Packages],
        Status = subscriber.Status,
        Created = Timestamp(subscriber.Created),
        LastStatusChange = Timestamp(subscriber.LastStatusChange),
    };

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task Answer(HttpContext context, CustomerStore.SubscriberOutcome outcome)
    {
        if (outcome.Subscriber is { } subscriber)
        {
            await SimulatorApp.WriteJson(context, outcome.Status, View(subscriber, store.ExternalIdOf(subscriber.CustomerId)), SimulatorJson.Default.SubscriberView);
            return;
        }

        await SimulatorApp.WriteError(context, outcome.Status, outcome.Errors[0].Description ?? "refused", outcome.Errors);
    }

    private static Task NotFound(HttpContext context) =>
        SimulatorApp.WriteError(context, 404, $"The requested resource could not be found: subscriber {SubscriberId(context)}.");

    private static string SubscriberId(HttpContext context) => (string)context.Request.RouteValues["subscriberId"]!;

    private static string? SubPartner(HttpContext context) => context.Request.Query["onBehalfOfSubPartnerOrgId"].FirstOrDefault();
}
