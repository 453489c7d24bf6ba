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
/// Other answers are returned as they are. Retries are bounded by time (<see cref="WebexRetryOptions.RetryWindow"/> and
/// the call's cancellation), not by a count; when the cancellation ends a wait between attempts, the call throws
/// <see cref="RetriesStoppedException"/> with the last answer, so the caller can say what Webex last said. Delays run on
/// the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WebexRetryHandler : DelegatingHandler
{
    /// <summary>Marks a POST as safe to send again (it changes nothing), like the precheck.</summary>
    public static readonly HttpRequestOptionsKey<bool> Replayable = new("webex.replayable");

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("webex.request");

    private static readonly ResiliencePropertyKey<DateTimeOffset> StartedKey = new("webex.started");
    private static readonly ResiliencePropertyKey<LastAnswer> LastAnswerKey = new("webex.last-answer");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;

    public WebexRetryHandler(WebexRetryOptions options, TimeProvider time, Action<RetryNotice>? onRetry, HttpMessageHandler inner)
        : base(inner)
    {
        _time = time;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.RetryWindow > TimeSpan.Zero) // no window means send once
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // Polly counts attempts; we do not. The window and the call's cancellation (its operation's deadline) end
                // the retries, so that a call waits out what Webex asks for as long as the user allowed, and no longer.
                MaxRetryAttempts = int.MaxValue,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ShouldHandleAsync(args.Outcome, args.Context, options.RetryWindow),
                // The wait never reaches past the window, so a call ends within it (plus one attempt), as --retry-for promises.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(WithinWindow(
                    RetryAfterDelay(args.Outcome, time, options.MaxRetryAfter) ?? Backoff(args.AttemptNumber, options),
                    args.Context.Properties.GetValue(StartedKey, default), options.RetryWindow)),
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
        context.Properties.Set(StartedKey, _time.GetUtcNow());
        var last = new LastAnswer();
        context.Properties.Set(LastAnswerKey, last);
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
            if (outcome.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested && last.Any)
            {
                throw last.Stopped(cancellationToken);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            last.Dispose();
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<bool> ShouldHandleAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan window)
    {
        if (!ShouldRetry(outcome, context.Properties.GetValue(RequestKey, null!)) ||
            _time.GetUtcNow() - context.Properties.GetValue(StartedKey, default) >= window)
        {
            return false;
        }

        // Polly disposes the answer before it waits; a copy is kept to report if the deadline ends the wait.
        await context.Properties.GetValue(LastAnswerKey, null!).KeepAsync(outcome, context.CancellationToken);
        return true;
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

    internal static bool IsIdempotent(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete ||
        request.Method == HttpMethod.Head || request.Method == HttpMethod.Options ||
        (request.Options.TryGetValue(Replayable, out var replayable) && replayable);

    private static TimeSpan? RetryAfterDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time, TimeSpan cap) =>
        RetryAfter.Read(outcome.Result?.Headers.RetryAfter, time.GetUtcNow()) is { } wait ? (wait > cap ? cap : wait) : null;

    /// <summary>Exponential backoff with jitter: the base delay doubled per attempt, between 75 % and 125 % of that, at most the longest delay.</summary>
    private static TimeSpan Backoff(int attempt, WebexRetryOptions options)
    {
        var exponential = options.BaseDelay.TotalSeconds * Math.Pow(2, Math.Min(attempt, 30)) * (0.75 + (options.Randomizer() * 0.5));
        return TimeSpan.FromSeconds(Math.Min(exponential, options.MaxDelay.TotalSeconds));
    }

    private TimeSpan WithinWindow(TimeSpan delay, DateTimeOffset started, TimeSpan window)
    {
        var left = started + window - _time.GetUtcNow();
        return delay < left ? delay : left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>What happened, in words: "HTTP 503", or "no answer (Connection refused (127.0.0.1:9))".</summary>
    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        { Exception: TimeoutRejectedException } => "no answer in time",
        { Exception: HttpRequestException error } => $"no answer ({error.Message})",
        _ => "no answer",
    };
}
