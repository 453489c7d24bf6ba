using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace WebexWholesale.Provider.Webex.Http;

/// <summary>
/// Retries Webex requests with Polly, under rules a generic HTTP policy gets wrong for this API:
/// <list type="bullet">
/// <item>429 and 423 mean the request was not processed, so every method is retried, after <c>Retry-After</c>
/// (seconds or HTTP date, capped) when Webex sends it.</item>
/// <item>502, 503, 504, a dropped connection or a timed-out attempt may hide a request that was processed, so only
/// idempotent requests (GET, PUT, DELETE, and POSTs marked replayable such as the precheck) are retried. A provision
/// POST is never replayed: a second one would create a second customer; the resource layer looks the customer up by
/// externalId instead.</item>
/// </list>
/// Other answers are returned as they are. Delays run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WebexRetryHandler : DelegatingHandler
{
    /// <summary>Marks a POST as safe to send again (it changes nothing), like the precheck.</summary>
    public static readonly HttpRequestOptionsKey<bool> Replayable = new("webex.replayable");

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("webex.request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public WebexRetryHandler(WebexRetryOptions options, TimeProvider time, Action<RetryNotice>? onRetry, HttpMessageHandler inner)
        : base(inner)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        var maxAttempts = Math.Max(options.MaxRetries, options.MaxRateLimitedRetries);
        if (maxAttempts > 0) // Polly's retry needs at least one attempt; none means send once
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                Randomizer = options.Randomizer,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!)) &&
                    args.AttemptNumber < (IsRateLimited(args.Outcome) ? options.MaxRateLimitedRetries : options.MaxRetries)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay(args.Outcome, time, options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    onRetry?.Invoke(new RetryNotice(request.Method.Method, request.RequestUri?.AbsolutePath ?? "", args.AttemptNumber + 1,
                        args.RetryDelay, Describe(args.Outcome)));
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken));
                    }
                    catch (Exception error)
                    {
                        return Outcome.FromException<HttpResponseMessage>(error);
                    }
                },
                context, (Handler: this, Request: request));
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request)
    {
        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests or HttpStatusCode.Locked => true,
                HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => IsIdempotent(request),
                _ => false,
            };
        }

        return outcome.Exception is HttpRequestException or TimeoutRejectedException && IsIdempotent(request);
    }

    private static bool IsRateLimited(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Locked;

    internal static bool IsIdempotent(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete ||
        request.Method == HttpMethod.Head || request.Method == HttpMethod.Options ||
        (request.Options.TryGetValue(Replayable, out var replayable) && replayable);

    private static TimeSpan? RetryAfterDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time, TimeSpan cap) =>
        RetryAfter.Read(outcome.Result?.Headers.RetryAfter, time.GetUtcNow()) is { } wait ? (wait > cap ? cap : wait) : null;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "failure";
}
