namespace WebexWholesale.Provider.Webex;

/// <summary>What a failed Webex request means for the caller, whatever HTTP status carried it.</summary>
public enum WebexErrorKind
{
    /// <summary>Webex refused the request as invalid (400, 422 and other 4xx not listed here).</summary>
    Rejected,

    /// <summary>The token is missing, invalid or expired (401).</summary>
    Unauthorized,

    /// <summary>The token lacks a scope or the administrator a privilege (403).</summary>
    Forbidden,

    NotFound,

    /// <summary>Webex is working on the customer and accepts no other change now (409, 423).</summary>
    Busy,

    /// <summary>Webex kept answering 429 after every retry.</summary>
    RateLimited,

    /// <summary>5xx, or no answer at all (connection lost, timed out): Webex may or may not have processed the request.</summary>
    Unavailable,

    /// <summary>Webex answered success, but with a body the client cannot read; nothing is guessed from it.</summary>
    Unreadable,
}
