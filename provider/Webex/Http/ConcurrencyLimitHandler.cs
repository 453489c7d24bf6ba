namespace WebexWholesale.Provider.Webex.Http;

/// <summary>
/// Caps the requests in flight to Webex. The engine runs up to 4 × CPU operations at once and Webex rate-limits per
/// partner organisation; waiting here is cheaper than collecting 429s. It sits below the retry handler, so a request
/// waiting out a backoff does not hold a slot.
/// </summary>
public sealed class ConcurrencyLimitHandler(int maxConcurrentRequests, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentRequests, maxConcurrentRequests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slots.Dispose();
        }

        base.Dispose(disposing);
    }
}
