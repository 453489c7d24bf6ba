using Polly;

namespace WebexWholesale.Provider.Webex.Http;

/// <summary>
/// Bounds one attempt on the wire. It sits below the rate governor: time spent waiting for a turn is not time the
/// attempt took, and a request queued behind a fleet must not count as one Webex failed to answer.
/// </summary>
public sealed class AttemptTimeoutHandler(TimeSpan timeout, TimeProvider time, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(timeout).Build();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.SendOnceAsync(state.Request, token),
            (Handler: this, Request: request), cancellationToken);

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
