using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Exporter;

/// <summary>One customer to adopt: its stable Pulumi name, its Webex id, its inputs as Webex holds them, and its subscribers.</summary>
public sealed record ExportedCustomer(string PulumiName, string Id, WholesaleCustomerInputs Inputs, IReadOnlyList<ExportedSubscriber> Subscribers);

/// <summary>One subscriber to adopt, named after its customer and its e-mail.</summary>
public sealed record ExportedSubscriber(string PulumiName, string Id, WholesaleSubscriberInputs Inputs);

public sealed record ExportSummary(int Listed, int Customers, int Subscribers);

/// <summary>
/// Lists the customers (every page, through the client's retry rules), keeps those matching the filters, lists the
/// subscribers once (all of the partner context, which costs fewer requests than one list per customer) and keeps
/// those of the kept customers, and writes the import file and the fleet file together (per shard, with <c>--shards</c>): all or none. The output files are opened before Webex is asked
/// anything, so an unwritable path fails at once.
/// </summary>
public sealed class FleetExport(IWholesaleCustomersClient client, IWholesaleSubscribersClient subscribersClient, Progress progress)
{
    public async Task<ExportSummary> RunAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var files = request.Files();
        var outputs = new List<(AtomicFile Import, AtomicFile Fleet)>();
        try
        {
            foreach (var (import, fleet) in files)
            {
                outputs.Add((AtomicFile.Open(import), AtomicFile.Open(fleet)));
            }

            return await RunAsync(request, outputs, cancellationToken);
        }
        finally
        {
            foreach (var (import, fleet) in outputs)
            {
                import.Dispose();
                fleet.Dispose();
            }
        }
    }

    /// <param name="outputs">each shard's import and fleet file, opened before Webex is asked anything</param>
    private async Task<ExportSummary> RunAsync(ExportRequest request, List<(AtomicFile Import, AtomicFile Fleet)> outputs, CancellationToken cancellationToken)
    {
        var listed = 0;
        var customers = new List<Customer>();
        var filter = new CustomerListFilter { Status = request.Statuses.Count > 0 ? request.Statuses : null, PageSize = 100 };
        try
        {
            await foreach (var customer in client.ListAsync(filter, request.SubPartner, cancellationToken))
            {
                listed++;
                if (request.ExternalIdPrefix is not { } prefix || customer.ExternalId?.StartsWith(prefix, StringComparison.Ordinal) == true)
                {
                    customers.Add(customer);
                }

                progress.Listed(listed);
            }
        }
        catch (WebexApiException error)
        {
            throw new ExportException(Explain(error, request.BaseUrl), error);
        }

        progress.Done(listed, customers.Count);
        var subscribers = await SubscribersOfAsync(customers, request, cancellationToken);
        var names = PulumiNames.For(customers.Select(customer => (customer.Id, customer.ExternalId)).ToList());
        var subscriberNames = PulumiNames.For(subscribers.Select(subscriber =>
            (subscriber.Id, (string?)$"{names[subscriber.CustomerId!]}-{(subscriber.Email ?? subscriber.Id).Split('@')[0]}")).ToList());
        var byCustomer = subscribers.ToLookup(subscriber => subscriber.CustomerId!, StringComparer.Ordinal);
        var exported = customers
            .Select(customer => new ExportedCustomer(names[customer.Id], customer.Id, WholesaleCustomerMapping.ToInputs(customer, previous: null),
                [.. byCustomer[customer.Id]
                    .Select(subscriber => new ExportedSubscriber(subscriberNames[subscriber.Id], subscriber.Id, WholesaleSubscriberMapping.ToInputs(subscriber, oldInputs: null)))
                    .OrderBy(subscriber => subscriber.PulumiName, StringComparer.Ordinal)]))
            .OrderBy(customer => customer.PulumiName, StringComparer.Ordinal)
            .ToList();

        // Every shard is checked before any is written, and all are written before any replaces its file: all or none.
        var shards = request.Files().Select((paths, index) =>
            (Paths: paths, Output: outputs[index], Customers: exported.Where(customer => Shards.Of(customer.Id, request.Shards) == index + 1).ToList())).ToList();
        foreach (var shard in shards)
        {
            PreviousExport.EnsureReplaceable(shard.Paths.Import, shard.Paths.Fleet, request.Force,
                new PreviousExport.Counts(shard.Customers.Count, shard.Customers.Sum(customer => customer.Subscribers.Count)));
        }

        foreach (var shard in shards)
        {
            shard.Output.Import.Write(ImportFileWriter.Write(shard.Customers));
            shard.Output.Fleet.Write(FleetFileWriter.Write(shard.Customers));
        }

        foreach (var shard in shards)
        {
            shard.Output.Import.Commit();
            shard.Output.Fleet.Commit();
        }

        return new ExportSummary(listed, exported.Count, subscribers.Count);
    }

    private async Task<List<Subscriber>> SubscribersOfAsync(List<Customer> customers, ExportRequest request, CancellationToken cancellationToken)
    {
        var kept = customers.Select(customer => customer.Id).ToHashSet(StringComparer.Ordinal);
        var subscribers = new List<Subscriber>();
        try
        {
            await foreach (var subscriber in subscribersClient.ListAsync(new SubscriberListFilter { PageSize = 100 }, request.SubPartner, cancellationToken))
            {
                if (subscriber.CustomerId is { } customerId && kept.Contains(customerId))
                {
                    subscribers.Add(subscriber);
                }
            }
        }
        catch (WebexApiException error)
        {
            throw new ExportException(Explain(error, request.BaseUrl), error);
        }

        progress.Subscribers(subscribers.Count);
        return subscribers;
    }

    internal static string Explain(WebexApiException error, string baseUrl) => error.Kind switch
    {
        WebexErrorKind.Unauthorized =>
            $"Webex refused the access token (HTTP 401): set WEBEX_ACCESS_TOKEN (or --access-token) to a valid token with {WebexScopes.Listed(WebexScopes.ToRead)}{Tracking(error)}",
        WebexErrorKind.Forbidden =>
            $"Webex answered HTTP 403 to {error.Operation}: the token lacks one of {WebexScopes.Listed(WebexScopes.ToRead)}, or partner administrator rights{Tracking(error)}",
        WebexErrorKind.Unavailable when error.StatusCode is null =>
            $"no answer from {baseUrl} ({error.InnerException?.Message ?? "connection lost"}): check --base-url (or WEBEX_BASE_URL) and the network",
        WebexErrorKind.NotFound when !new Uri(baseUrl).AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal) =>
            $"{error.Message}. The base URL {baseUrl} does not end in /v1: Webex's API is below it (e.g. https://webexapis.com/v1, or the URL the simulator prints)",
        _ => error.Message,
    };

    private static string Tracking(WebexApiException error) => error.TrackingId is { } id ? $" (Webex tracking id {id})" : "";
}
