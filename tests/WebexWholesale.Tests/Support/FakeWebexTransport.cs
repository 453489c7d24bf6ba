using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace WebexWholesale.Tests.Support;

/// <summary>A request the fake transport received, with the simulated time it arrived.</summary>
public sealed record SentRequest(HttpMethod Method, Uri Uri, string? Body, string? Authorization, string? TrackingId, DateTimeOffset At);

/// <summary>
/// Stands in for the network under the client's real handlers: answers from a script, one responder per request
/// (the last one repeats), and records what was sent.
/// </summary>
public sealed class FakeWebexTransport(TimeProvider time) : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, Task<HttpResponseMessage>>> _script = new();
    private Func<HttpRequestMessage, Task<HttpResponseMessage>>? _last;

    public List<SentRequest> Requests { get; } = [];

    public FakeWebexTransport Then(Func<HttpRequestMessage, Task<HttpResponseMessage>> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public FakeWebexTransport Then(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? headers = null) =>
        Then(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? "", Encoding.UTF8, "application/json") };
            headers?.Invoke(response);
            return Task.FromResult(response);
        });

    /// <summary>An attempt that never answers until it is cancelled (by the attempt timeout, say).</summary>
    public FakeWebexTransport ThenHang() => Then(_ => Task.FromResult<HttpResponseMessage>(null!));

    public FakeWebexTransport ThenDrop() => Then(_ => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection reset by peer")));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(new SentRequest(request.Method, request.RequestUri!,
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("TrackingID", out var ids) ? ids.First() : null,
            time.GetUtcNow()));
        var responder = _script.Count > 0 ? _last = _script.Dequeue() : _last ?? throw new InvalidOperationException("no response scripted");
        var response = await responder(request);
        if (response is null)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }

        response!.RequestMessage = request;
        return response;
    }
}

public static class FakeClock
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Awaits <paramref name="work"/> while moving the fake clock forward in steps, so backoff delays elapse without
    /// real waiting.
    /// </summary>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Task<T> work, TimeSpan? step = null, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !work.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!work.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromMilliseconds(250));
            }
        }

        return await work;
    }

    public static async Task RunAsync(this FakeTimeProvider time, Task work, TimeSpan? step = null) =>
        await time.RunAsync(work.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step);
}
