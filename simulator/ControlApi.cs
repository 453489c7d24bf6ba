using System.Text.Json;

namespace WebexWholesale.Simulator;

/// <summary>
/// The test-only control API under <c>/_simulator</c> (outside <c>/v1</c>, no token): queue faults, reset state,
/// inspect customers and the requests the simulator answered, change timing and rate limit at run time.
/// </summary>
internal static class ControlApi
{
    public static void Map(WebApplication app, CustomerStore store, FaultInjector faults, RateLimiter limiter, RequestJournal journal, AdjustableClock clock)
    {
        app.MapPost("/_simulator/clock/advance", async context =>
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, SimulatorJson.Default.AdvanceBody) ?? new AdvanceBody();
            clock.Advance(TimeSpan.FromSeconds(body.Seconds));
            context.Response.StatusCode = 204;
        });
        app.MapPost("/_simulator/faults", async context =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            var specs = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.Deserialize(SimulatorJson.Default.ListFaultSpec) ?? []
                : [document.RootElement.Deserialize(SimulatorJson.Default.FaultSpec)!];
            specs.ForEach(faults.Enqueue);
            await SimulatorApp.WriteJson(context, 200, faults.Pending(), SimulatorJson.Default.ListFaultSpec);
        });
        app.MapGet("/_simulator/faults", context => SimulatorApp.WriteJson(context, 200, faults.Pending(), SimulatorJson.Default.ListFaultSpec));
        app.MapDelete("/_simulator/faults", context =>
        {
            faults.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapPost("/_simulator/reset", context =>
        {
            store.Reset();
            faults.Clear();
            journal.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapGet("/_simulator/customers", context => SimulatorApp.WriteJson(context, 200, store.List(), SimulatorJson.Default.ListStoredCustomer));
        app.MapGet("/_simulator/requests", context => SimulatorApp.WriteJson(context, 200, journal.All(), SimulatorJson.Default.ListRequestRecord));
        app.MapDelete("/_simulator/requests", context =>
        {
            journal.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapPost("/_simulator/settings", async context =>
        {
            var settings = await JsonSerializer.DeserializeAsync(context.Request.Body, SimulatorJson.Default.SettingsBody) ?? new SettingsBody();
            if (settings.ProvisioningSeconds is { } seconds)
            {
                store.ProvisioningTime = TimeSpan.FromSeconds(seconds);
            }

            if (settings.RateLimit is { } rate)
            {
                limiter.PerSecond = rate;
            }

            context.Response.StatusCode = 204;
        });
    }
}
