using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>Looks up one Webex Wholesale customer by its Webex id or by its externalId.</summary>
public sealed class GetWholesaleCustomer : ICustomFunction<GetWholesaleCustomerArgs, CustomerDetails>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleCustomer";

    public string Token => FunctionToken;
    public JsonTypeInfo<GetWholesaleCustomerArgs> ArgsType => CustomerLookupJson.Default.GetWholesaleCustomerArgs;
    public JsonTypeInfo<CustomerDetails> ResultType => CustomerLookupJson.Default.CustomerDetails;

    public async Task<FunctionResult<CustomerDetails>> InvokeAsync(GetWholesaleCustomerArgs args, ResourceContext context)
    {
        if ((args.Id is null) == (args.ExternalId is null))
        {
            return FunctionResult.Fail<CustomerDetails>(args.Id is null ? "id" : "externalId", "give exactly one of id and externalId to look a customer up");
        }

        if (args.Id is not null && WholesaleCustomer.CustomerId.Problem(args.Id) is { } problem)
        {
            return FunctionResult.Fail<CustomerDetails>("id", problem);
        }

        var client = context.RequireProvider().Customers;
        var found = args.Id is not null
            ? await client.GetAsync(args.Id, args.OnBehalfOfSubPartnerOrgId, context.Cancellation)
            : await client.FindByExternalIdAsync(args.ExternalId!, args.OnBehalfOfSubPartnerOrgId, context.Cancellation);

        return found is null
            ? FunctionResult.Fail<CustomerDetails>(args.Id is null ? "externalId" : "id",
                $"no Webex Wholesale customer has {(args.Id is null ? $"externalId '{args.ExternalId}'" : $"id '{args.Id}'")}")
            : FunctionResult.Of<CustomerDetails>(CustomerDetails.From(found));
    }
}
