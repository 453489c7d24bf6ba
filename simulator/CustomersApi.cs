using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WebexWholesale.Simulator;

/// <summary>The six Wholesale Customers operations, answering as the contract and Cisco's guide describe.</summary>
internal sealed class CustomersApi(CustomerStore store)
{
    private const int DefaultPageSize = 100;
    private const string EmailInUseCode = "10022";

    public async Task List(HttpContext context)
    {
        var query = context.Request.Query;
        var statuses = query["status"].SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        if (!ApiRequests.TryReadInt(query["max"], DefaultPageSize, 1, 1000, out var max) || !ApiRequests.TryReadInt(query["offset"], 0, 0, int.MaxValue, out var offset))
        {
            await SimulatorApp.WriteError(context, 400, "max must be a whole number from 1 to 1000 and offset a whole number from 0");
            return;
        }

        var subPartner = query["onBehalfOfSubPartnerOrgId"].FirstOrDefault();
        var matches = store.List()
            .Where(c => query["externalId"].FirstOrDefault() is not { } externalId || c.ExternalId == externalId)
            .Where(c => query["orgId"].FirstOrDefault() is not { } orgId || c.OrgId == orgId)
            .Where(c => statuses.Count == 0 || statuses.Contains(c.Status))
            .Where(c => c.SubPartnerOrgId == subPartner)
            .ToList();
        var page = matches.Skip(offset).Take(max).Select(View).ToList();
        ApiRequests.LinkNextPage(context, "/v1/wholesale/customers", offset, max, matches.Count);

        await SimulatorApp.WriteJson(context, 200, new CustomerListView { Items = page }, SimulatorJson.Default.CustomerListView);
    }

    public async Task Provision(HttpContext context)
    {
        var body = await ApiRequests.ReadBody(context, SimulatorJson.Default.ProvisionBody);
        if (body is null)
        {
            return;
        }

        var errors = WebexRules.ValidateProvision(body).Select(text => new ErrorItem { Description = text }).ToList();
        if (body.CustomerInfo?.PrimaryEmail is { } email && store.EmailInUse(email, out _))
        {
            errors.Add(EmailInUse());
        }

        if (errors.Count > 0)
        {
            await SimulatorApp.WriteError(context, 400, "The request could not be validated.", errors);
            return;
        }

        var customer = store.Provision(body, context.Request.Query["onBehalfOfSubPartnerOrgId"].FirstOrDefault());
        await Accepted(context, customer.Id);
    }

    public async Task Get(HttpContext context)
    {
        var customer = store.Get(CustomerId(context));
        if (customer is null)
        {
            await NotFound(context);
            return;
        }

        await SimulatorApp.WriteJson(context, 200, View(customer), SimulatorJson.Default.CustomerView);
    }

    public async Task Update(HttpContext context)
    {
        var body = await ApiRequests.ReadBody(context, SimulatorJson.Default.UpdateBody);
        if (body is null)
        {
            return;
        }

        var id = CustomerId(context);
        var current = store.Get(id);
        if (current is null)
        {
            await NotFound(context);
            return;
        }

        var errors = WebexRules.ValidateUpdate(body, current.Packages);
        if (errors.Count > 0)
        {
            await SimulatorApp.WriteError(context, 400, "The request could not be validated.", errors.Select(text => new ErrorItem { Description = text }));
            return;
        }

        var (customer, conflict) = store.Update(id, body);
        if (customer is null)
        {
            await NotFound(context);
        }
        else if (conflict is not null)
        {
            await SimulatorApp.WriteError(context, 409, conflict);
        }
        else
        {
            await Accepted(context, id);
        }
    }

    public async Task Remove(HttpContext context)
    {
        var (found, conflict) = store.Remove(CustomerId(context));
        if (!found)
        {
            await NotFound(context);
        }
        else if (conflict is not null)
        {
            await SimulatorApp.WriteError(context, 409, conflict);
        }
        else
        {
            context.Response.StatusCode = 202;
        }
    }

    public async Task Precheck(HttpContext context)
    {
        var body = await ApiRequests.ReadBody(context, SimulatorJson.Default.ProvisionBody);
        if (body is null)
        {
            return;
        }

        // The precheck runs the provision rules that apply to what it was given, and looks for collisions.
        var errors = WebexRules.ValidateProvision(body with
        {
            ProvisioningId = body.ProvisioningId ?? "-",
            ExternalId = body.ExternalId ?? "-",
            Packages = body.Packages ?? ["webex_meetings"],
            CustomerInfo = body.CustomerInfo is { } info ? info with { Name = info.Name ?? "-" } : null,
            OrgId = body.OrgId ?? (body.CustomerInfo is null ? "-" : null),
        }).Select(text => new ErrorItem { Description = text }).ToList();
        if (body.CustomerInfo?.PrimaryEmail is { } email && store.EmailInUse(email, out _))
        {
            errors.Add(EmailInUse());
        }

        if (body.ExternalId is { } externalId && store.ExternalIdInUse(externalId, out var owner))
        {
            errors.Add(new ErrorItem { Description = $"externalId {externalId} is already used by customer {owner}." });
        }

        if (errors.Count > 0)
        {
            await SimulatorApp.WriteError(context, 400, "Provisioning preCheck validation failed.", errors);
            return;
        }

        await SimulatorApp.WriteJson(context, 200,
            new PrecheckView { Message = "success", Info = new PrecheckInfoView { InfoCode = 100, Description = "Provisioning preCheck validation successful." } },
            SimulatorJson.Default.PrecheckView);
    }

    public static CustomerView View(StoredCustomer customer) => new()
    {
        Id = customer.Id,
        OrgId = customer.Status is "provisioned" or "provisioned_with_errors" or "updating" ? customer.OrgId : null,
        ExternalId = customer.ExternalId,
        Address = customer.Address,
        Status = customer.Status,
        Packages = [.. customer.Packages],
        ResourceDetails = new ResourceDetailsView
        {
            Packages = [.. customer.Packages.Select(name =>
            {
                var status = customer.PackageStatus.GetValueOrDefault(name, "provisioned");
                return new PackageView
                {
                    Name = name,
                    Status = status,
                    Errors = status == "error" ? [.. customer.Errors] : null,
                };
            })],
        },
        Errors = customer.Errors.Count > 0 ? [.. customer.Errors] : null,
    };

    private static ErrorItem EmailInUse() =>
        new() { ErrorCode = double.Parse(EmailInUseCode, CultureInfo.InvariantCulture), Description = "The email is already associated with an existing user." };

    private static Task Accepted(HttpContext context, string id)
    {
        var url = $"{ApiRequests.Origin(context)}/v1/wholesale/customers/{id}";
        context.Response.Headers.Location = url;
        return SimulatorApp.WriteJson(context, 202, new ResourceUrlView { Url = url }, SimulatorJson.Default.ResourceUrlView);
    }

    private static Task NotFound(HttpContext context) =>
        SimulatorApp.WriteError(context, 404, $"The requested resource could not be found: customer {CustomerId(context)}.");

    private static string CustomerId(HttpContext context) => (string)context.Request.RouteValues["customerId"]!;
}
