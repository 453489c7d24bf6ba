using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Billing;
using WebexWholesale.Provider.Webex.Fleet;
using WebexWholesale.Provider.Webex.Http;

namespace WebexWholesale.Provider.Resources.ProviderConfig;

/// <summary>
/// A configured provider: its settings and the one Webex client all its resource operations share (one connection
/// pool, one rate governor, and one fleet view that batches reads and waits, for the whole stack).
/// </summary>
public sealed class ConfiguredProvider : IDisposable
{
    private readonly HttpClient? _http;

    private ConfiguredProvider(ProviderSettings settings, HttpClient? http, IWholesaleCustomersClient customers, IWholesaleSubscribersClient? subscribers,
        IWholesaleBillingClient? billing, TimeProvider time)
    {
        Settings = settings;
        _http = http;
        Customers = new CustomerFleet(customers, time);
        _subscribers = subscribers is null ? null : new SubscriberFleet(subscribers, time);
        _billing = billing;
    }

    private readonly SubscriberFleet? _subscribers;
    private readonly IWholesaleBillingClient? _billing;

    public ProviderSettings Settings { get; }

    public CustomerFleet Customers { get; }

    /// <summary>The subscribers, through the same HTTP pipeline (and so the same rate governor) as the customers.</summary>
    public SubscriberFleet Subscribers => _subscribers ?? throw new InvalidOperationException("this provider was built without a subscribers client");

    /// <summary>The billing reports, through the same HTTP pipeline as the customers.</summary>
    public IWholesaleBillingClient Billing => _billing ?? throw new InvalidOperationException("this provider was built without a billing client");

    /// <param name="retry">how requests are retried; the defaults suit a deployment</param>
    /// <param name="environment">where the plugin processes of a machine share the token's pace (PULUMI_HOME); not shared when null</param>
    public static ConfiguredProvider Create(ProviderSettings settings, TimeProvider time, Action<string> diagnostics, WebexRetryOptions? retry = null,
        Func<string, string?>? environment = null)
    {
        var http = WebexHttp.CreateClient(settings.MaxConcurrentRequests, time,
            notice => diagnostics(Describe(notice)),
            retry,
            pace: environment is null ? null : TokenPace.For(settings.BaseUrl.AbsoluteUri, settings.AccessToken, PaceFolder(environment), time, diagnostics));
        return new ConfiguredProvider(settings, http, new WholesaleCustomersClient(http, settings.BaseUrl, settings.AccessToken),
            new WholesaleSubscribersClient(http, settings.BaseUrl, settings.AccessToken), new WholesaleBillingClient(http, settings.BaseUrl, settings.AccessToken), time);
    }

    /// <summary>
    /// Where the plugins of a machine share a token's pace: under PULUMI_HOME, else ~/.pulumi as the Pulumi CLI uses;
    /// null when neither is set.
    /// </summary>
    public static string? PaceFolder(Func<string, string?> environment)
    {
        var home = environment("PULUMI_HOME") is { Length: > 0 } pulumiHome ? pulumiHome
            : environment("HOME") is { Length: > 0 } userHome ? Path.Combine(userHome, ".pulumi")
            : null;
        return home is null ? null : Path.Combine(home, "webex-wholesale", "rate");
    }

    /// <summary>A retry about to be made, for the plugin's log and the exporter's progress.</summary>
    public static string Describe(RetryNotice notice) =>
        $"{notice.Method} {notice.Path}: {notice.Reason}; retry {notice.Attempt} in {notice.Delay.TotalSeconds:0.#} s";

    /// <summary>A provider around a given client (tests, and callers that own the HTTP pipeline themselves).</summary>
    public static ConfiguredProvider ForClient(IWholesaleCustomersClient customers, ProviderSettings? settings = null, TimeProvider? time = null,
        IWholesaleSubscribersClient? subscribers = null, IWholesaleBillingClient? billing = null) =>
        new(settings ?? new ProviderSettings(ProviderConfiguration.DefaultBaseUrl, "unused", ProviderConfiguration.DefaultMaxConcurrentRequests), null, customers,
            subscribers, billing, time ?? TimeProvider.System);

    public void Dispose()
    {
        Customers.Dispose();
        _subscribers?.Dispose();
        _http?.Dispose();
    }
}
