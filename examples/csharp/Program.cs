using Pulumi;
using Pulumi.WebexWholesale;
using WebexWholesaleFleet;

return await Deployment.RunAsync(() =>
{
    var statuses = FleetResources.Declare(FleetFile.Load(Path.Combine(AppContext.BaseDirectory, "customers.yaml")));

    var inTrouble = GetWholesaleCustomers.Invoke(new GetWholesaleCustomersInvokeArgs { Status = { "error", "provisioned_with_errors" } });
    statuses["customersInTrouble"] = inTrouble.Apply(result => result.Customers.Select(c => c.ExternalId).ToList());
    return statuses;
});
