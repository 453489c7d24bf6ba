namespace WebexWholesale.Provider.Webex.Http;

/// <summary>
/// A call whose cancellation (its operation's deadline, or the engine's Cancel) fired while it waited to retry: a
/// cancellation, as any other, that also carries what the last attempt got. The receiver disposes
/// <see cref="LastAnswer"/>.
/// </summary>
public sealed class RetriesStoppedException(HttpResponseMessage? lastAnswer, Exception? lastFailure, CancellationToken token)
    : OperationCanceledException("the call was stopped while it waited to try again", lastFailure, token)
{
    /// <summary>The last answer Webex gave (its content buffered), or null when the last attempt got none.</summary>
    public HttpResponseMessage? LastAnswer { get; } = lastAnswer;

    /// <summary>Why the last attempt got no answer (a lost connection, a timed-out attempt), when it got none.</summary>
    public Exception? LastFailure { get; } = lastFailure;
}

/// <summary>The outcome of the latest attempt that is going to be retried, kept past Polly's disposal of it.</summary>
internal sealed class LastAnswer : IDisposable
{
    private HttpResponseMessage? _response;
    private Exception? _failure;

    public bool Any => _response is not null || _failure is not null;

    public async Task KeepAsync(Polly.Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        Dispose();
        if (outcome.Result is not { } response)
        {
            _failure = outcome.Exception;
            return;
        }

        try
        {
            var copy = new HttpResponseMessage(response.StatusCode)
            {
                RequestMessage = response.RequestMessage,
                Content = new ByteArrayContent(await response.Content.ReadAsByteArrayAsync(cancellationToken)),
            };
            foreach (var header in response.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (var header in response.Content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            _response = copy;
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or IOException)
        {
            _response = new HttpResponseMessage(response.StatusCode) { RequestMessage = response.RequestMessage }; // the status still says what happened
        }
    }

    /// <summary>The exception for a stopped call; the last answer passes to it.</summary>
    public RetriesStoppedException Stopped(CancellationToken token)
    {
        var stopped = new RetriesStoppedException(_response, _failure, token);
        _response = null;
        return stopped;
    }

    public void Dispose()
    {
        _response?.Dispose();
        _response = null;
        _failure = null;
    }
}
