using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Http;

namespace WebexWholesale.Provider.Resources;

/// <summary>
/// The Webex client of one configured provider, shared by all its resource operations: one connection pool and one
/// cap on requests in flight for the whole stack.
/// </summary>
public sealed class WebexConnection : IDisposable
{
    private readonly HttpClient? _http;

    private WebexConnection(HttpClient? http, IWholesaleCustomersClient customers)
    {
        _http = http;
        Customers = customers;
    }

    public IWholesaleCustomersClient Customers { get; }

    public static WebexConnection Create(ProviderSettings settings, TimeProvider time, Action<string> diagnostics)
    {
        var http = WebexHttp.CreateClient(settings.MaxConcurrentRequests, time,
            retry => diagnostics($"Webex answered {retry.Reason} to {retry.Method} {retry.Path}; retry {retry.Attempt} in {retry.Delay.TotalSeconds:0.#} s"));
        return new WebexConnection(http, new WholesaleCustomersClient(http, settings.BaseUrl, settings.AccessToken));
    }

    /// <summary>A connection around a given client (tests, and callers that own the HTTP pipeline themselves).</summary>
    public static WebexConnection ForClient(IWholesaleCustomersClient customers) => new(null, customers);

    public void Dispose() => _http?.Dispose();
}
