using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WebexWholesale.Simulator;

/// <summary>Wires the simulator: Webex's API under <c>/v1</c> and the control API under <c>/_simulator</c>.</summary>
public static class SimulatorApp
{
    public static WebApplication Build(SimulatorOptions options, TimeProvider time)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var clock = new AdjustableClock(time);
        var store = new CustomerStore(clock, options.StateFile, options.SeedFile) { ProvisioningTime = TimeSpan.FromSeconds(options.ProvisioningSeconds) };
        store.SaveAtStart();
        var faults = new FaultInjector();
        var limiter = new RateLimiter(clock) { PerSecond = options.RateLimit };
        var journal = new RequestJournal();

        var app = builder.Build();
        app.UseRouting();
        app.Use((context, next) => WebexMiddleware.Handle(context, next, options, clock, faults, limiter, journal));
        var api = new CustomersApi(store);
        app.MapGet("/v1/wholesale/customers", api.List);
        app.MapPost("/v1/wholesale/customers", api.Provision);
        app.MapPost("/v1/wholesale/customers/validate", api.Precheck);
        app.MapGet("/v1/wholesale/customers/{customerId}", api.Get);
        app.MapPut("/v1/wholesale/customers/{customerId}", api.Update);
        app.MapDelete("/v1/wholesale/customers/{customerId}", api.Remove);
        var subscribers = new SubscribersApi(store);
        app.MapGet("/v1/wholesale/subscribers", subscribers.List);
        app.MapPost("/v1/wholesale/subscribers", subscribers.Provision);
        app.MapPost("/v1/wholesale/subscribers/validate", subscribers.Precheck);
        app.MapGet("/v1/wholesale/subscribers/{subscriberId}", subscribers.Get);
        app.MapPut("/v1/wholesale/subscribers/{subscriberId}", subscribers.Update);
        app.MapDelete("/v1/wholesale/subscribers/{subscriberId}", subscribers.Remove);
        app.MapPost("/v1/subscribers/{subscriberId}/emails/consentMove", subscribers.ResendConsent);
        app.MapGet("/v1/wholesale/subPartners", subscribers.SubPartners);
        var reports = new BillingReportStore(clock, store);
        var billing = new BillingApi(reports, clock);
        app.MapGet("/v1/wholesale/billing/reports", billing.List);
        app.MapPost("/v1/wholesale/billing/reports", billing.Create);
        app.MapGet("/v1/wholesale/billing/reports/{reportId}", billing.Get);
        app.MapDelete("/v1/wholesale/billing/reports/{reportId}", billing.Delete);
        ServeDownloads(app, reports, billing);
        // Any other /v1 path: a Webex-style 404, as Webex answers a route it does not have.
        app.MapFallback("/v1/{**path}", context => WriteError(context, 404,
            $"The requested resource could not be found: {context.Request.Method} {context.Request.Path}"));
        ControlApi.Map(app, store, reports, faults, limiter, journal, clock);
        return app;
    }

    /// <summary>
    /// The report CSVs live on another origin, as Webex's presigned links point to a content server: a second server
    /// on its own loopback port, started and stopped with the API, that answers nothing but report files.
    /// </summary>
    private static void ServeDownloads(WebApplication app, BillingReportStore reports, BillingApi billing)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var downloads = builder.Build();
        downloads.UseRouting();
        downloads.MapGet("/{fileId}/WHOLESALE/{file}", billing.Download);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            downloads.StartAsync().GetAwaiter().GetResult();
            reports.DownloadOrigin = $"http://127.0.0.1:{Port(downloads)}";
        });
        app.Lifetime.ApplicationStopped.Register(() => downloads.DisposeAsync().AsTask().GetAwaiter().GetResult());
    }

    private static int Port(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    public static string BaseUrl(WebApplication app)
    {
        return $"http://127.0.0.1:{Port(app)}/v1";
    }

    internal static Task WriteJson<T>(HttpContext context, int status, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, typeInfo);
    }

    internal static Task WriteError(HttpContext context, int status, string message, IEnumerable<ErrorItem>? errors = null)
    {
        var items = errors?.ToList() ?? [new ErrorItem { Description = message }];
        return WriteJson(context, status, new ErrorBody { Message = message, Errors = items, TrackingId = TrackingId(context) }, SimulatorJson.Default.ErrorBody);
    }

    internal static string TrackingId(HttpContext context) => (string?)context.Items["trackingId"] ?? "";
}
