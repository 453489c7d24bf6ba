using System.Text.Json.Serialization;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex;
using WebexCustomer = WebexWholesale.Provider.Webex.WholesaleCustomer;

namespace WebexWholesale.Provider.Resources.Functions;

public sealed record GetWholesaleCustomerArgs
{
    /// <summary>The Webex customer id; or give <see cref="ExternalId"/>.</summary>
    public string? Id { get; init; }
    public string? ExternalId { get; init; }
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}

public sealed record GetWholesaleCustomersArgs
{
    public string? ExternalId { get; init; }
    public string? OrgId { get; init; }
    public IReadOnlyList<string>? Status { get; init; }
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}

/// <summary>A customer as Webex reports it (what a lookup can know: no template, no customer info).</summary>
public sealed record CustomerDetails
{
    public required string Id { get; init; }
    public string? OrgId { get; init; }
    public string? ExternalId { get; init; }
    public AddressInput? Address { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string>? Packages { get; init; }
    public IReadOnlyList<PackageDetailState>? PackageDetails { get; init; }
    public IReadOnlyList<WebexMessageState>? Errors { get; init; }

    public static CustomerDetails From(WebexCustomer customer)
    {
        var state = WholesaleCustomerMapping.ToState(customer, new WholesaleCustomerInputs());
        return new CustomerDetails
        {
            Id = customer.Id, OrgId = state.OrgId, ExternalId = state.ExternalId, Address = state.Address, Status = state.Status,
            Packages = state.Packages, PackageDetails = state.PackageDetails, Errors = state.Errors,
        };
    }
}

public sealed record GetWholesaleCustomersResult
{
    public required IReadOnlyList<CustomerDetails> Customers { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetWholesaleCustomerArgs))]
[JsonSerializable(typeof(GetWholesaleCustomersArgs))]
[JsonSerializable(typeof(CustomerDetails))]
[JsonSerializable(typeof(GetWholesaleCustomersResult))]
public sealed partial class CustomerLookupJson : JsonSerializerContext;

/// <summary><c>webex-wholesale:index:getWholesaleCustomer</c>: one customer, by id or by externalId.</summary>
public sealed class GetWholesaleCustomer : ICustomFunction<GetWholesaleCustomerArgs, CustomerDetails>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleCustomer";

    public string Token => FunctionToken;
    public System.Text.Json.Serialization.Metadata.JsonTypeInfo<GetWholesaleCustomerArgs> ArgsType => CustomerLookupJson.Default.GetWholesaleCustomerArgs;
    public System.Text.Json.Serialization.Metadata.JsonTypeInfo<CustomerDetails> ResultType => CustomerLookupJson.Default.CustomerDetails;

    public async Task<FunctionResult<CustomerDetails>> InvokeAsync(GetWholesaleCustomerArgs args, ResourceContext context)
    {
        if ((args.Id is null) == (args.ExternalId is null))
        {
            return FunctionResult<CustomerDetails>.Fail(args.Id is null ? "id" : "externalId", "give exactly one of id and externalId to look a customer up");
        }

        var client = context.RequireWebex().Customers;
        WebexCustomer? found = null;
        if (args.Id is not null)
        {
            found = await client.GetAsync(args.Id, args.OnBehalfOfSubPartnerOrgId, context.Cancellation);
        }
        else
        {
            found = await client.FindByExternalIdAsync(args.ExternalId!, args.OnBehalfOfSubPartnerOrgId, context.Cancellation);
        }

        return found is null
            ? FunctionResult<CustomerDetails>.Fail(args.Id is null ? "externalId" : "id",
                $"no Webex Wholesale customer has {(args.Id is null ? $"externalId '{args.ExternalId}'" : $"id '{args.Id}'")}")
            : FunctionResult<CustomerDetails>.Of(CustomerDetails.From(found));
    }
}

/// <summary><c>webex-wholesale:index:getWholesaleCustomers</c>: every customer matching the filters, across all pages.</summary>
public sealed class GetWholesaleCustomers : ICustomFunction<GetWholesaleCustomersArgs, GetWholesaleCustomersResult>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleCustomers";

    public string Token => FunctionToken;
    public System.Text.Json.Serialization.Metadata.JsonTypeInfo<GetWholesaleCustomersArgs> ArgsType => CustomerLookupJson.Default.GetWholesaleCustomersArgs;
    public System.Text.Json.Serialization.Metadata.JsonTypeInfo<GetWholesaleCustomersResult> ResultType => CustomerLookupJson.Default.GetWholesaleCustomersResult;

    public async Task<FunctionResult<GetWholesaleCustomersResult>> InvokeAsync(GetWholesaleCustomersArgs args, ResourceContext context)
    {
        var filter = new CustomerListFilter { ExternalId = args.ExternalId, OrgId = args.OrgId, Status = args.Status };
        var customers = new List<CustomerDetails>();
        await foreach (var customer in context.RequireWebex().Customers.ListAsync(filter, args.OnBehalfOfSubPartnerOrgId, context.Cancellation))
        {
            customers.Add(CustomerDetails.From(customer));
        }

        return FunctionResult<GetWholesaleCustomersResult>.Of(new GetWholesaleCustomersResult { Customers = customers });
    }
}
