using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>Lists the Webex Wholesale customers matching the filters, following every page.</summary>
public sealed class GetWholesaleCustomers : ICustomFunction<GetWholesaleCustomersArgs, GetWholesaleCustomersResult>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleCustomers";

    public string Token => FunctionToken;
    public JsonTypeInfo<GetWholesaleCustomersArgs> ArgsType => CustomerLookupJson.Default.GetWholesaleCustomersArgs;
    public JsonTypeInfo<GetWholesaleCustomersResult> ResultType => CustomerLookupJson.Default.GetWholesaleCustomersResult;

    public async Task<FunctionResult<GetWholesaleCustomersResult>> InvokeAsync(GetWholesaleCustomersArgs args, ResourceContext context)
    {
        var filter = new CustomerListFilter { ExternalId = args.ExternalId, OrgId = args.OrgId, Status = args.Status };
        var customers = new List<CustomerDetails>();
        await foreach (var customer in context.RequireProvider().Customers.ListAsync(filter, args.OnBehalfOfSubPartnerOrgId, context.Cancellation))
        {
            customers.Add(CustomerDetails.From(customer));
        }

        return FunctionResult.Of<GetWholesaleCustomersResult>(new GetWholesaleCustomersResult { Customers = customers });
    }
}
