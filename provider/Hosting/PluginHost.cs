using System.Net;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Protocol.Bindings;
using WebexWholesale.Provider.Protocol.Engine;
using WebexWholesale.Provider.Resources.Functions;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Resources.WholesaleBillingReport;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;

namespace WebexWholesale.Provider.Hosting;

/// <summary>
/// The composition root: wires the layers (Protocol → Resources → Webex) together and runs the plugin the way the engine expects: a gRPC server on 127.0.0.1 (cleartext HTTP/2), the port as the first
/// and only line on stdout, diagnostics on stderr, and a prompt exit on SIGINT or SIGTERM.
/// </summary>
public static class PluginHost
{
    // The engine sends SIGINT and kills the plugin 5 s later; in-flight calls get one second to end.
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(1);

    /// <summary>Calls in flight on the engine's one connection: far past any --parallel a fleet would use.</summary>
    public const int MaxConcurrentCalls = 100_000;

    // Large stacks send large Structs; the limit Pulumi's own hosts use.
    private const int MaxMessageBytes = 400 * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        PluginArguments arguments;
        try
        {
            arguments = PluginArguments.Parse(args);
        }
        catch (ArgumentException error)
        {
            await stderr.WriteAsync(error.Message);
            return 2;
        }

        if (arguments.ShowHelp)
        {
            await stderr.WriteAsync(PluginArguments.Usage);
            return 0;
        }

        if (arguments.ShowVersion)
        {
            // Asked for by a person (or a script), so on stdout like every tool's --version.
            await stdout.WriteAsync($"{ProviderSession.Version}\n");
            return 0;
        }

        if (arguments.EngineAddress is null)
        {
            await stderr.WriteAsync(PluginArguments.StartedByHand);
        }

        await using var app = Build(arguments, stderr);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(app, context));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(app, context));

        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

        // "\n" rather than WriteLine: the engine reads up to a newline, and nothing else may ever reach stdout.
        await stdout.WriteAsync($"{port}\n");
        await stdout.FlushAsync();

        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>
    /// The web host, kept minimal: the empty builder adds no configuration files, no logging to stdout and no file
    /// watching. The engine starts plugins inside the user's project folder (node_modules and all); the default
    /// content root is the working directory, which ASP.NET would watch recursively for configuration changes.
    /// </summary>
    public static WebApplication Build(PluginArguments arguments, TextWriter stderr, Func<string, string?>? environment = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "pulumi-resource-webex-wholesale",
        });

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            // The engine keeps one connection and sends every operation of a deployment on it. Kestrel's default of
            // 100 streams would hold back the 101st call, Cancel among them; the rate governor, not the transport,
            // decides how fast Webex is called.
            kestrel.Limits.Http2.MaxStreamsPerConnection = MaxConcurrentCalls;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownGrace);

        builder.Services.AddSingleton(stderr);
        builder.Services.AddSingleton(TimeProvider.System);
        var variables = environment ?? System.Environment.GetEnvironmentVariable;
        builder.Services.AddSingleton(services => new ProviderSession(variables,
            settings => ConfiguredProvider.Create(settings, services.GetRequiredService<TimeProvider>(), message => stderr.WriteLine(message),
                environment: variables)));
        builder.Services.AddSingleton(services =>
        {
            var engine = new EngineLogger(stderr, services.GetRequiredService<TimeProvider>());
            if (arguments.EngineAddress is not null)
            {
                engine.Connect(arguments.EngineAddress);
            }

            return engine;
        });
        // Built by the first call that needs a resource or function, not at start-up: the engine starts the plugin
        // several times per deployment, and some starts only ask for GetPluginInfo or the schema.
        builder.Services.AddSingleton(_ => new Lazy<ResourceRegistry>(() => new ResourceRegistry(
            [
                new ResourceBinding<WholesaleCustomerInputs, WholesaleCustomerOutputs>(new WholesaleCustomerResource()),
                new ResourceBinding<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>(new WholesaleSubscriberResource()),
                new ResourceBinding<WholesaleBillingReportInputs, WholesaleBillingReportOutputs>(new WholesaleBillingReportResource()),
            ],
            [
                new FunctionBinding<GetWholesaleCustomerArgs, CustomerDetails>(new GetWholesaleCustomer()),
                new FunctionBinding<GetWholesaleCustomersArgs, GetWholesaleCustomersResult>(new GetWholesaleCustomers()),
                new FunctionBinding<GetWholesaleSubscriberArgs, SubscriberDetails>(new GetWholesaleSubscriber()),
                new FunctionBinding<GetWholesaleSubscribersArgs, GetWholesaleSubscribersResult>(new GetWholesaleSubscribers()),
                new FunctionBinding<GetWholesaleSubPartnersArgs, GetWholesaleSubPartnersResult>(new GetWholesaleSubPartners()),
                new FunctionBinding<GetWholesaleBillingReportArgs, BillingReportDetails>(new GetWholesaleBillingReport()),
                new FunctionBinding<GetWholesaleBillingReportsArgs, GetWholesaleBillingReportsResult>(new GetWholesaleBillingReports()),
            ])));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
            grpc.MaxSendMessageSize = MaxMessageBytes;
            grpc.Interceptors.Add<ErrorInterceptor>();
        });
        // Our binding of the service replaces the generated one: it parses requests as deep as the engine sends them.
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.AddSingleton<IServiceMethodProvider<ResourceProviderService>, ResourceProviderMethods>();

        var app = builder.Build();
        app.MapGrpcService<ResourceProviderService>();
        return app;
    }

    private static void Stop(WebApplication app, PosixSignalContext context)
    {
        context.Cancel = true; // we exit ourselves, after in-flight calls were cancelled
        app.Services.GetRequiredService<ProviderSession>().Cancel();
        app.Lifetime.StopApplication();
    }
}
