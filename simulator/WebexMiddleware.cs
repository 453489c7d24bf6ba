namespace WebexWholesale.Simulator;

/// <summary>
/// What happens to every <c>/v1</c> request before the API sees it, in Webex's order: tracking id, queued faults,
/// rate limit, then the bearer token and its scopes.
/// </summary>
internal static class WebexMiddleware
{
    public static async Task Handle(HttpContext context, RequestDelegate next, SimulatorOptions options, TimeProvider time,
        FaultInjector faults, RateLimiter limiter, RequestJournal journal)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }

        var trackingId = request.Headers["TrackingID"].FirstOrDefault() ?? $"SIMULATOR_{Guid.NewGuid()}";
        context.Items["trackingId"] = trackingId;
        context.Response.Headers["TrackingID"] = trackingId;
        context.Response.OnStarting(() =>
        {
            if (context.Items.ContainsKey("dropped"))
            {
                return Task.CompletedTask;
            }

            journal.Add(new RequestRecord(request.Method, request.Path + request.QueryString, trackingId, context.Response.StatusCode));
            return Task.CompletedTask;
        });

        var fault = faults.Take(request.Method, request.Path.Value ?? "");
        if (fault is { LatencyMs: > 0 })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMs), time, context.RequestAborted);
        }

        if (fault is { Drop: true })
        {
            journal.Add(new RequestRecord(request.Method, request.Path + request.QueryString, trackingId, 0));
            context.Abort();
            return;
        }

        if (fault?.Status is { } status)
        {
            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            if (fault.Body is { } body)
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = fault.ContentType ?? "application/json";
                await context.Response.WriteAsync(body);
                return;
            }

            await SimulatorApp.WriteError(context, status, $"Simulated fault: HTTP {status}");
            return;
        }

        if (!limiter.TryAcquire())
        {
            context.Response.Headers.RetryAfter = "1";
            await SimulatorApp.WriteError(context, 429, "Too many requests; retry after the time in the Retry-After header.");
            return;
        }

        var authorization = request.Headers.Authorization.FirstOrDefault() ?? "";
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
        var canWrite = token is not null && options.Tokens.Contains(token);
        var canRead = canWrite || (token is not null && options.ReadOnlyTokens.Contains(token));
        if (!canRead)
        {
            await SimulatorApp.WriteError(context, 401, "The request requires a valid access token set in the Authorization request header.");
            return;
        }

        if (!canWrite && request.Method != HttpMethods.Get)
        {
            await SimulatorApp.WriteError(context, 403,
                "The access token does not have the spark-admin:wholesale_customers_write scope needed for this request.");
            return;
        }

        if (fault is { DropAfterProcessing: true })
        {
            // Handle the request for real, then lose the answer: the response goes to a buffer that is never sent.
            var original = context.Response.Body;
            context.Response.Body = new MemoryStream();
            context.Items["dropped"] = true;
            await next(context);
            journal.Add(new RequestRecord(request.Method, request.Path + request.QueryString, trackingId, 0));
            context.Response.Body = original;
            context.Abort();
            return;
        }

        try
        {
            await next(context);
        }
        catch (StateFileException error) when (!context.Response.HasStarted)
        {
            // The change is made in memory, but not saved: say so as Webex says a failure, and on stderr.
            await Console.Error.WriteLineAsync($"webex-wholesale-simulator: {error.Message}");
            await SimulatorApp.WriteError(context, 500, $"The simulator could not save its state: {error.Message}");
        }
    }
}
