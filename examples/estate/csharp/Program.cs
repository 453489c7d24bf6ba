using Pulumi;
using WebexWholesaleFleet;

// One stack per shard of the estate: the stack's config names its shard; the fleet files, written by
// `webex-wholesale-export --shards N`, are shared by every shard's stack.
return await Deployment.RunAsync(() =>
{
    var config = new Config();
    var shard = config.RequireInt32("shard");
    var folder = config.Get("fleetFolder") ?? Path.Combine("..", "fleet");
    var file = Path.Combine(folder, $"customers-{shard}.yaml");
    if (!File.Exists(file))
    {
        throw new FileNotFoundException(
            $"shard {shard} has no fleet file {file}: webex-wholesale-export --shards N --fleet-file {Path.Combine(folder, "customers.yaml")} writes customers-1.yaml to customers-N.yaml (set webex-wholesale-estate:fleetFolder if they are elsewhere)");
    }

    return FleetResources.Declare(FleetFile.Load(file));
});
