using WebexWholesale.Provider.Webex;
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

    private ConfiguredProvider(ProviderSettings settings, HttpClient? http, IWholesaleCustomersClient customers, TimeProvider time)
    {
        Settings = settings;
        _http = http;
        Customers = new CustomerFleet(customers, time);
    }

    public ProviderSettings Settings { get; }

    public CustomerFleet Customers { get; }

    /// <param name="retry">how requests are retried; the defaults suit a deployment</param>
    public static ConfiguredProvider Create(ProviderSettings settings, TimeProvider time, Action<string> diagnostics, WebexRetryOptions? retry = null)
    {
        var http = WebexHttp.CreateClient(settings.MaxConcurrentRequests, time,
            notice => diagnostics($"Webex answered {notice.Reason} to {notice.Method} {notice.Path}; retry {notice.Attempt} in {notice.Delay.TotalSeconds:0.#} s"),
            retry);
        return new ConfiguredProvider(settings, http, new WholesaleCustomersClient(http, settings.BaseUrl, settings.AccessToken), time);
    }

    /// <summary>A provider around a given client (tests, and callers that own the HTTP pipeline themselves).</summary>
    public static ConfiguredProvider ForClient(IWholesaleCustomersClient customers, ProviderSettings? settings = null, TimeProvider? time = null) =>
        new(settings ?? new ProviderSettings(ProviderConfiguration.DefaultBaseUrl, "unused", ProviderConfiguration.DefaultMaxConcurrentRequests), null, customers,
            time ?? TimeProvider.System);

    public void Dispose()
    {
        Customers.Dispose();
        _http?.Dispose();
    }
}
