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

    public static ConfiguredProvider Create(ProviderSettings settings, TimeProvider time, Action<string> diagnostics)
    {
        var http = WebexHttp.CreateClient(settings.MaxConcurrentRequests, time,
            retry => diagnostics($"Webex answered {retry.Reason} to {retry.Method} {retry.Path}; retry {retry.Attempt} in {retry.Delay.TotalSeconds:0.#} s"));
        return new ConfiguredProvider(settings, http, new WholesaleCustomersClient(http, settings.BaseUrl, settings.AccessToken));
    }

    /// <summary>A provider around a given client (tests, and callers that own the HTTP pipeline themselves).</summary>
    public static ConfiguredProvider ForClient(IWholesaleCustomersClient customers, ProviderSettings? settings = null) =>
        new(settings ?? new ProviderSettings(ProviderConfiguration.DefaultBaseUrl, "unused", ProviderConfiguration.DefaultMaxConcurrentRequests), null, customers);

    public void Dispose() => _http?.Dispose();
}
