using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Http;

namespace WebexWholesale.Provider.Resources.ProviderConfig;

/// <summary>
/// A configured provider: its settings and the one Webex client all its resource operations share (one connection
/// pool and one cap on requests in flight for the whole stack).
/// </summary>
public sealed class ConfiguredProvider : IDisposable
{
    private readonly HttpClient? _http;

    private ConfiguredProvider(ProviderSettings settings, HttpClient? http, IWholesaleCustomersClient customers)
    {
        Settings = settings;
        _http = http;
        Customers = customers;
    }

    public ProviderSettings Settings { get; }

    public IWholesaleCustomersClient Customers { get; }

    /// <param name="retry">how requests are retried; the defaults suit a deployment</param>
    public static ConfiguredProvider Create(ProviderSettings settings, TimeProvider time, Action<string> diagnostics, WebexRetryOptions? retry = null)
    {
        var http = WebexHttp.CreateClient(settings.MaxConcurrentRequests, time,
            notice => diagnostics($"Webex answered {notice.Reason} to {notice.Method} {notice.Path}; retry {notice.Attempt} in {notice.Delay.TotalSeconds:0.#} s"),
            retry);
        return new ConfiguredProvider(settings, http, new WholesaleCustomersClient(http, settings.BaseUrl, settings.AccessToken));
    }

    /// <summary>A provider around a given client (tests, and callers that own the HTTP pipeline themselves).</summary>
    public static ConfiguredProvider ForClient(IWholesaleCustomersClient customers, ProviderSettings? settings = null) =>
        new(settings ?? new ProviderSettings(ProviderConfiguration.DefaultBaseUrl, "unused", ProviderConfiguration.DefaultMaxConcurrentRequests), null, customers);

    public void Dispose() => _http?.Dispose();
}
