using System.Net;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Fleet;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

public enum AwaitEnd
{
    /// <summary>Webex finished: the customer is in a status that is not in progress (success or failure).</summary>
    Settled,

    /// <summary>Webex answers 404: the customer is gone.</summary>
    Gone,

    TimedOut,
    Cancelled,
}

/// <summary>How a wait ended, with the customer as last seen, so that a timeout or a cancel still records it.</summary>
/// <param name="LastAnswer">when the wait was stopped: what Webex last answered a look that failed, if the last one did</param>
public sealed record AwaitOutcome(AwaitEnd End, Customer? LastSeen, TimeSpan Elapsed, string? LastAnswer = null);

/// <summary>How often to look: a short first wait, growing by half each time up to a ceiling.</summary>
public sealed record PollSchedule(TimeSpan First, TimeSpan Max)
{
    public static readonly PollSchedule Default = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));

    public TimeSpan Next(TimeSpan current) => TimeSpan.FromTicks(Math.Min((long)(current.Ticks * 1.5), Max.Ticks));
}

/// <summary>
/// Waits for Webex's asynchronous work on a customer, looking with backoff and reporting progress as ephemeral status
/// (shown while the operation runs). The looks go through the fleet, which polls all waiting customers together. It never throws for a timeout or a cancel: it returns the last-seen customer so
/// the caller can hand the engine a half-finished resource instead of losing it.
/// </summary>
public sealed class CustomerAwaiter(CustomerFleet fleet, IResourceLog log, PollSchedule schedule)
{
    /// <summary>Statuses that mean Webex is still working on a provision or update.</summary>
    public static readonly IReadOnlySet<string> InProgress = new HashSet<string>(StringComparer.Ordinal)
    {
        CustomerStatus.Provisioning, CustomerStatus.Updating, CustomerStatus.PendingRplReview,
    };

    public Task<AwaitOutcome> UntilSettledAsync(string id, string? subPartner, string action, OperationDeadline deadline) =>
        PollAsync(id, subPartner, action, deadline, removal: false, customer => customer is not null && !InProgress.Contains(customer.Status ?? ""));

    /// <summary>Waits until Webex is not busy with the customer (also not deleting), before changing or removing it.</summary>
    public Task<AwaitOutcome> UntilIdleAsync(string id, string? subPartner, string action, OperationDeadline deadline) =>
        PollAsync(id, subPartner, action, deadline, removal: false,
            customer => customer is not null && !InProgress.Contains(customer.Status ?? "") && customer.Status != CustomerStatus.Deleting);

    public Task<AwaitOutcome> UntilGoneAsync(string id, string? subPartner, OperationDeadline deadline) =>
        PollAsync(id, subPartner, "removing", deadline, removal: true, _ => false);

    /// <summary>How a wait ends when the deadline's token fired: out of time, or cancelled by the engine.</summary>
    public static AwaitOutcome Stopped(OperationDeadline deadline, Customer? lastSeen, string? lastAnswer = null) =>
        new(deadline.Expired ? AwaitEnd.TimedOut : AwaitEnd.Cancelled, lastSeen, deadline.Elapsed, lastAnswer);

    /// <summary>How a wait ends when <paramref name="stopped"/> (the deadline's cancellation) ended a call to Webex.</summary>
    public static AwaitOutcome Stopped(OperationDeadline deadline, Customer? lastSeen, OperationCanceledException stopped) =>
        Stopped(deadline, lastSeen, WebexCallStoppedException.LastAnswerOf(stopped));

    private async Task<AwaitOutcome> PollAsync(string id, string? subPartner, string action, OperationDeadline deadline, bool removal,
        Func<Customer?, bool> done)
    {
        var cancellationToken = deadline.Token;
        var wait = TimeSpan.Zero;
        Customer? lastSeen = null;
        string? lastFailure = null;
        while (true)
        {
            try
            {
                var customer = await fleet.NextLookAsync(id, subPartner, wait, lastSeen?.Status, removal, cancellationToken);
                if (customer is null)
                {
                    return new AwaitOutcome(AwaitEnd.Gone, lastSeen, deadline.Elapsed);
                }

                lastSeen = customer;
                lastFailure = null;
                if (done(customer))
                {
                    return new AwaitOutcome(AwaitEnd.Settled, customer, deadline.Elapsed);
                }

                await log.StatusAsync(Progress(action, customer, deadline.Elapsed));
            }
            catch (WebexApiException error) when (error.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                // A poll that failed after the client's own retries is not the end of the operation: look again later.
                lastFailure = error.Message;
                await log.DebugAsync($"polling customer {id}: {error.Message}");
            }
            catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested)
            {
                return Stopped(deadline, lastSeen, WebexCallStoppedException.LastAnswerOf(stopped) ?? lastFailure);
            }

            wait = wait == TimeSpan.Zero ? schedule.First : schedule.Next(wait);
        }
    }

    /// <summary>E.g. "provisioning: webex_calling provisioning, webex_meetings provisioned (1m05s)".</summary>
    public static string Progress(string action, Customer customer, TimeSpan elapsed)
    {
        var packages = customer.ResourceDetails?.Packages is { Count: > 0 } details
            ? ": " + string.Join(", ", details.Select(package => $"{package.Name} {package.Status}"))
            : "";
        return $"{action} customer {customer.ExternalId ?? customer.Id}, Webex status {customer.Status}{packages} ({Elapsed(elapsed)})";
    }

    public static string Elapsed(TimeSpan elapsed) => OperationDeadline.Format(elapsed);
}
