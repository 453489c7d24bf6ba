namespace WebexWholesale.Provider.Webex.Fleet;

/// <summary>How a provider batches the reads of many customers into pages of the customer list.</summary>
public sealed record FleetOptions
{
    public static readonly FleetOptions Default = new();

    /// <summary>Customers per list page. Webex states no maximum for this list; 100 is the documented one of its siblings.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The pages a list of this many customers took (an empty list is still one request).</summary>
    public int PagesFor(int customers) => Math.Max(1, (customers + PageSize - 1) / PageSize);

    /// <summary>Reads within this window count as "arriving together".</summary>
    public TimeSpan DemandWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The list pages per second that shared polling may spend: a round costs its pages, and the next one waits
    /// accordingly, so a large fleet's waiting never crowds out its own provisions.
    /// </summary>
    public double PollPagesPerSecond { get; init; } = 0.5;

    /// <summary>How long a round waits for the looks that arrive just after the first, so that they share it.</summary>
    public TimeSpan Gathering { get; init; } = TimeSpan.FromMilliseconds(100);
}
