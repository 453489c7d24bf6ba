using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Exporter.Audit;

/// <summary>
/// Compares what the stacks declare with what Webex holds, context by context (the partner's own customers and each
/// sub-partner's): unmanaged customers (with their subscribers) and subscribers, resources two stacks declare, and
/// resources a stack declares that Webex no longer holds.
/// </summary>
public sealed class EstateAudit(IWholesaleCustomersClient customers, ISubscriberSource subscribers, Progress progress)
{
    /// <summary>The report, and what adopts the unmanaged resources: their customers (with their subscribers), and the subscribers of declared customers under their declared names.</summary>
    public sealed record Outcome(AuditReport Report, IReadOnlyList<ExportedCustomer> Customers, IReadOnlyList<(string CustomerName, ExportedSubscriber Subscriber)> SubscribersOfDeclared);

    private static readonly string[] PartnersOwn = [""];

    public async Task<Outcome> RunAsync(IReadOnlyList<string> stackExports, IReadOnlyList<string> subPartners, string baseUrl, CancellationToken cancellationToken)
    {
        var declared = stackExports.SelectMany(StackExport.Read).ToList();
        // Every context named on the command line, and every one a stack manages resources in (a secret one is unread, so never listed).
        var contexts = PartnersOwn.Concat(subPartners).Concat(declared.Select(resource => resource.SubPartner ?? "")).Distinct(StringComparer.Ordinal).ToList();

        try
        {
            var (inWebex, listedSubscribers) = await ListAsync(declared, contexts, cancellationToken);
            return Compare(declared, inWebex, listedSubscribers, contexts, subscribers.Name);
        }
        catch (WebexApiException error)
        {
            throw new ExportException(FleetExport.Explain(error, baseUrl), error);
        }
    }

    /// <summary>Every context's customers and subscribers, and the declared subscribers the listing left out but that exist.</summary>
    private async Task<(List<(Customer Customer, string Context)> Customers, List<AuditSubscriber> Subscribers)> ListAsync(List<DeclaredResource> declared,
        IReadOnlyList<string> contexts, CancellationToken cancellationToken)
    {
        var inWebex = new List<(Customer Customer, string Context)>();
        var listedSubscribers = new List<AuditSubscriber>();
        foreach (var context in contexts)
        {
            var subPartner = context.Length == 0 ? null : context;
            var before = inWebex.Count;
            await foreach (var customer in customers.ListAsync(new CustomerListFilter { PageSize = 100 }, subPartner, cancellationToken))
            {
                inWebex.Add((customer, context));
                progress.Listed(inWebex.Count);
            }

            var found = await subscribers.ListAsync(subPartner, cancellationToken);
            listedSubscribers.AddRange(found);
            progress.Note($"{(context.Length == 0 ? "the partner's own context" : $"sub-partner {context}")}: " +
                          $"{Progress.Count(inWebex.Count - before, "customer")} and {Progress.Count(found.Count, "subscriber")}");
        }

        var shown = listedSubscribers.Select(subscriber => subscriber.Id).ToHashSet(StringComparer.Ordinal);
        var missing = declared.Where(resource => !resource.IsCustomer && !shown.Contains(resource.Id)).Select(resource => (resource.Id, resource.SubPartner))
            .Distinct().ToList();
        listedSubscribers.AddRange(await subscribers.ConfirmAsync(missing, cancellationToken));
        return (inWebex, listedSubscribers);
    }

    private static Outcome Compare(List<DeclaredResource> declared, List<(Customer Customer, string Context)> inWebex, List<AuditSubscriber> listedSubscribers,
        IReadOnlyList<string> contexts, string source)
    {
        var declaredIds = declared.Select(resource => resource.Id).ToHashSet(StringComparer.Ordinal);
        var customerById = inWebex.GroupBy(pair => pair.Customer.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var subscriberById = listedSubscribers.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var subscribersOf = listedSubscribers.ToLookup(subscriber => subscriber.CustomerId ?? "", StringComparer.Ordinal);
        var declaredCustomer = declared.Where(resource => resource.IsCustomer).GroupBy(resource => resource.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

        var unmanagedCustomers = customerById.Values.Where(pair => !declaredIds.Contains(pair.Customer.Id))
            .Select(pair => new UnmanagedCustomer(pair.Customer.Id, pair.Customer.ExternalId, pair.Context.Length == 0 ? null : pair.Context, pair.Customer.Status,
                Packages(pair.Customer), [.. subscribersOf[pair.Customer.Id].OrderBy(s => s.Email, StringComparer.Ordinal)]))
            .OrderBy(customer => customer.ExternalId, StringComparer.Ordinal).ThenBy(customer => customer.Id, StringComparer.Ordinal).ToList();
        var unmanagedSubscribers = listedSubscribers
            .Where(subscriber => !declaredIds.Contains(subscriber.Id) && subscriber.CustomerId is { } customerId && declaredIds.Contains(customerId))
            .Select(subscriber => new UnmanagedSubscriber(subscriber.Id, subscriber.Email, subscriber.CustomerId,
                customerById.TryGetValue(subscriber.CustomerId!, out var owner) ? owner.Customer.ExternalId : null, subscriber.Packages,
                declaredCustomer.TryGetValue(subscriber.CustomerId!, out var holder) ? $"{holder.Stack} ({holder.Name})" : null))
            .OrderBy(subscriber => subscriber.ExternalCustomerId, StringComparer.Ordinal).ThenBy(subscriber => subscriber.Email, StringComparer.Ordinal).ToList();
        var twice = declared.GroupBy(resource => resource.Id, StringComparer.Ordinal).Where(group => group.Count() > 1)
            .Select(group => new ManagedTwice(Kind(group.First()), group.Key, group.First().Label, [.. group.Select(r => $"{r.Stack} ({r.Name})").Order(StringComparer.Ordinal)]))
            .OrderBy(entry => entry.Kind, StringComparer.Ordinal).ThenBy(entry => entry.Label, StringComparer.Ordinal).ToList();
        var gone = declared.Where(resource => resource.IsCustomer ? !customerById.ContainsKey(resource.Id) : !subscriberById.ContainsKey(resource.Id))
            .GroupBy(resource => resource.Id, StringComparer.Ordinal).Select(group => group.First())
            .Select(resource => new GoneResource(Kind(resource), resource.Id, resource.Label, resource.Stack, resource.Name, resource.Packages))
            .OrderBy(entry => entry.Kind, StringComparer.Ordinal).ThenBy(entry => entry.Label, StringComparer.Ordinal).ToList();

        var report = new AuditReport
        {
            Stacks = [.. declared.Select(resource => resource.Stack).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Contexts = contexts,
            SubscribersFrom = source,
            CustomersInWebex = customerById.Count,
            SubscribersInWebex = subscriberById.Count,
            UnmanagedCustomers = unmanagedCustomers,
            UnmanagedSubscribers = unmanagedSubscribers,
            ManagedTwice = twice,
            Gone = gone,
        };
        return Adoption(report, customerById, declaredCustomer, [.. declared.Select(resource => resource.Name)]);
    }

    /// <summary>Names as the exporter gives them: a customer by its externalId, a subscriber by its customer's name and its e-mail's local part.</summary>
    /// <param name="inUse">the names the stacks use: an adopted resource never takes one</param>
    private static Outcome Adoption(AuditReport report, Dictionary<string, (Customer Customer, string Context)> customerById,
        Dictionary<string, DeclaredResource> declaredCustomer, IReadOnlyList<string> inUse)
    {
        var names = PulumiNames.For([.. report.UnmanagedCustomers.Select(customer => (customer.Id, customer.ExternalId))], inUse);
        var toAdopt = report.UnmanagedCustomers.SelectMany(customer => customer.Subscribers.Select(s => (Customer: names[customer.Id], s.Id, s.Email, s.CustomerId, s.Packages)))
            .Concat(report.UnmanagedSubscribers.Select(s => (Customer: declaredCustomer[s.CustomerId!].Name, s.Id, s.Email, s.CustomerId, s.Packages)))
            .DistinctBy(subscriber => subscriber.Id).ToList();
        var subscriberNames = PulumiNames.For([.. toAdopt.Select(s => (s.Id, (string?)$"{s.Customer}-{(s.Email ?? s.Id).Split('@')[0]}"))], inUse.Concat(names.Values));
        var exported = toAdopt.ToDictionary(s => s.Id, s => new ExportedSubscriber(subscriberNames[s.Id], s.Id,
            WholesaleSubscriberMapping.ToInputs(new Subscriber { Id = s.Id, Email = s.Email, CustomerId = s.CustomerId, Packages = s.Packages }, oldInputs: null)),
            StringComparer.Ordinal);
        var customers = report.UnmanagedCustomers
            .Select(customer => new ExportedCustomer(names[customer.Id], customer.Id, WholesaleCustomerMapping.ToInputs(customerById[customer.Id].Customer, previous: null),
                [.. customer.Subscribers.Select(subscriber => exported[subscriber.Id]).OrderBy(subscriber => subscriber.PulumiName, StringComparer.Ordinal)]))
            .OrderBy(customer => customer.PulumiName, StringComparer.Ordinal).ToList();
        var ofDeclared = report.UnmanagedSubscribers.Select(subscriber => (declaredCustomer[subscriber.CustomerId!].Name, exported[subscriber.Id])).ToList();
        return new Outcome(report, customers, ofDeclared);
    }

    private static string Kind(DeclaredResource resource) => resource.IsCustomer ? "customer" : "subscriber";

    private static IReadOnlyList<string> Packages(Customer customer) => WholesaleCustomerMapping.ToInputs(customer, previous: null).Packages ?? [];
}
