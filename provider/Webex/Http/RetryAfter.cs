using System.Net.Http.Headers;

namespace WebexWholesale.Provider.Webex.Http;

/// <summary>Reads <c>Retry-After</c> in both of its RFC 9110 forms: a number of seconds or an HTTP date.</summary>
public static class RetryAfter
{
    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
