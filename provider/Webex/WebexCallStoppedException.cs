namespace WebexWholesale.Provider.Webex;

/// <summary>
/// A Webex call cancelled (by its operation's deadline, or by the engine) while it waited to try again: a
/// cancellation, as any other, that says what Webex last answered, tracking id included, so that a timeout can tell
/// the user why it waited.
/// </summary>
public sealed class WebexCallStoppedException(WebexApiException lastAnswer, CancellationToken token)
    : OperationCanceledException($"stopped while waiting to try again; Webex last answered: {lastAnswer.Message}", lastAnswer, token)
{
    public WebexApiException LastAnswer { get; } = lastAnswer;

    /// <summary>What Webex last answered a call that the exception stopped, or null when it says nothing of it.</summary>
    public static string? LastAnswerOf(Exception error) => (error as WebexCallStoppedException)?.LastAnswer.Message;
}
