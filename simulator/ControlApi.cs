using System.Text.Json;

namespace WebexWholesale.Simulator;

/// <summary>
/// The test-only control API under <c>/_simulator</c> (outside <c>/v1</c>, no token): queue faults, reset state,
/// register free accounts and sub-partners, let a user consent, inspect customers, subscribers and the requests the simulator answered, change timing and rate limit at run time.
/// </summary>
internal static class ControlApi
{
    public static void Map(WebApplication app, CustomerStore store, BillingReportStore reports, FaultInjector faults, RateLimiter limiter, RequestJournal journal,
        AdjustableClock clock)
    {
        app.MapPost("/_simulator/clock/advance", context => Validated(context, async () =>
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, SimulatorJson.Default.AdvanceBody) ?? new AdvanceBody();
            Require(body.Seconds >= 0 && double.IsFinite(body.Seconds), "seconds must be a number of seconds, 0 or more");
            clock.Advance(TimeSpan.FromSeconds(body.Seconds));
            context.Response.StatusCode = 204;
        }));
        app.MapPost("/_simulator/faults", context => Validated(context, async () =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            var specs = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.Deserialize(SimulatorJson.Default.ListFaultSpec) ?? []
                : [document.RootElement.Deserialize(SimulatorJson.Default.FaultSpec)!];
            foreach (var spec in specs)
            {
                Require(spec.Status is null or (>= 400 and <= 599) || (spec.Body is not null && spec.Status is >= 200 and <= 599),
                    $"status {spec.Status} is not an HTTP error status (400-599; 200-599 with a body)");
                Require(spec.Count >= 1, "count must be 1 or more");
                Require(spec.LatencyMs >= 0, "latencyMs must be 0 or more");
            }

            specs.ForEach(faults.Enqueue);
            await SimulatorApp.WriteJson(context, 200, faults.Pending(), SimulatorJson.Default.ListFaultSpec);
        }));
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
            reports.Reset();
            faults.Clear();
            faults.SetChaos(null);
            journal.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapPost("/_simulator/free-accounts", context => Validated(context, async () =>
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, SimulatorJson.Default.FreeAccountBody) ?? new FreeAccountBody();
            Require(body.Email?.Contains('@', StringComparison.Ordinal) == true, "email must be an e-mail address");
            store.AddFreeAccount(body.Email!);
            context.Response.StatusCode = 204;
        }));
        app.MapPost("/_simulator/subscribers/{subscriberId}/consent", context =>
        {
            context.Response.StatusCode = store.Consent((string)context.Request.RouteValues["subscriberId"]!) ? 204 : 404;
            return Task.CompletedTask;
        });
        app.MapPost("/_simulator/subpartners", context => Validated(context, async () =>
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, SimulatorJson.Default.SubPartnerView);
            Require(body is { OrgId.Length: > 0, ProvisioningState: "active" or "suspended" }, "give orgId and provisioningState (active or suspended)");
            store.AddSubPartner(body!);
            context.Response.StatusCode = 204;
        }));
        app.MapPost("/_simulator/billing-reports/failures", context => Validated(context, async () =>
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, SimulatorJson.Default.BillingFailureBody) ?? new BillingFailureBody();
            Require(body.Count is >= 1 and <= 1000, "count must be from 1 to 1000");
            reports.FailNext(body.Count, body.Description ?? "Report generation failed.");
            context.Response.StatusCode = 204;
        }));
        app.MapGet("/_simulator/subscribers", context => SimulatorApp.WriteJson(context, 200,
            store.AllSubscribers(), SimulatorJson.Default.ListStoredSubscriber));
        app.MapGet("/_simulator/customers", context => SimulatorApp.WriteJson(context, 200, store.List(), SimulatorJson.Default.ListStoredCustomer));
        app.MapGet("/_simulator/requests", context => SimulatorApp.WriteJson(context, 200, journal.All(), SimulatorJson.Default.ListRequestRecord));
        app.MapDelete("/_simulator/requests", context =>
        {
            journal.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapPost("/_simulator/settings", context => Validated(context, async () =>
        {
            var settings = await JsonSerializer.DeserializeAsync(context.Request.Body, SimulatorJson.Default.SettingsBody) ?? new SettingsBody();
            Require(settings.ProvisioningSeconds is null or >= 0, "provisioningSeconds must be 0 or more");
            Require(settings.RateLimit is null or >= 0, "rateLimit must be 0 (no limit) or more");
            if (settings.ProvisioningSeconds is { } seconds)
            {
                store.ProvisioningTime = TimeSpan.FromSeconds(seconds);
            }

            if (settings.Chaos is { } chaos)
            {
                Require(new[] { chaos.UnavailableRate, chaos.DropAfterProcessingRate, chaos.RateLimitBurstRate }.All(rate => rate is >= 0 and <= 1),
                    "chaos rates must be from 0 to 1");
                faults.SetChaos(chaos.UnavailableRate + chaos.DropAfterProcessingRate + chaos.RateLimitBurstRate + chaos.MaxLatencyMs == 0 ? null : chaos);
            }

            if (settings.RateLimit is { } rate)
            {
                limiter.PerSecond = rate;
            }

            context.Response.StatusCode = 204;
        }));
    }

    /// <summary>Runs a control request; a body it cannot read or a value out of range is a 400 that says which.</summary>
    private static async Task Validated(HttpContext context, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (Exception error) when (error is JsonException or BadControlRequestException)
        {
            await SimulatorApp.WriteError(context, 400, $"bad control request: {error.Message}");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new BadControlRequestException(message);
        }
    }

    private sealed class BadControlRequestException(string message) : Exception(message);
}
