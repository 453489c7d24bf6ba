using System.Net;
using Microsoft.Extensions.Time.Testing;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Webex;

/// <summary>
/// Where the token may go, and what a list does with next-page links and pages no Webex list could send: the token
/// stays on the base URL's origin, every hostile answer ends in a clear error that names it, memory stays bounded.
/// </summary>
public sealed class TokenOriginTests : IDisposable
{
    private const string Token = "s3cr3t-token-value";
    private const string Page = """{"items": [{"id": "s1", "email": "a@example.test"}]}""";
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly FakeWebexTransport _transport;
    private readonly WholesaleSubscribersClient _client;

    public TokenOriginTests()
    {
        _transport = new FakeWebexTransport(_time);
        // Straight onto the transport: pacing and retries are not what these tests are about (and would wait on the fake clock).
        _client = new WholesaleSubscribersClient(new HttpClient(_transport), new Uri("https://webex.test:443/v1"), Token);
    }

    public void Dispose() => _transport.Dispose();

    private static Action<HttpResponseMessage> Next(string link) => response => response.Headers.TryAddWithoutValidation("Link", $"{link}; rel=\"next\"");

    private async Task<(List<Subscriber> Listed, WebexApiException? Error)> ListAsync(SubscriberListFilter? filter = null)
    {
        var listed = new List<Subscriber>();
        try
        {
            await foreach (var subscriber in _client.ListAsync(filter ?? new SubscriberListFilter { PageSize = 100 }, null, CancellationToken.None))
            {
                listed.Add(subscriber);
            }

            return (listed, null);
        }
        catch (WebexApiException error)
        {
            return (listed, error);
        }
    }

    [Theory]
    [InlineData("<https://webex.test:8443/v1/wholesale/subscribers?offset=100>", "another port")]
    [InlineData("<https://attacker.test/v1/wholesale/subscribers?offset=100>", "another host")]
    [InlineData("<http://webex.test/v1/wholesale/subscribers?offset=100>", "plain http")]
    [InlineData("<https://webex.test/admin/tokens?offset=100>", "another path")]
    [InlineData("<https://user:pw@webex.test/v1/wholesale/subscribers?offset=100>", "credentials")]
    [InlineData("<ftp://webex.test/v1/wholesale/subscribers>", "ftp")]
    [InlineData("<file:///etc/passwd>", "file")]
    public async Task ANextLinkOutsideTheOrigin_GetsNoRequest_AndEndsTheListNamingTheLink(string link, string what)
    {
        _transport.Then(HttpStatusCode.OK, Page, response =>
        {
            Next(link)(response);
            response.Headers.Add("TrackingID", "ROUTER_42");
        }).Then(HttpStatusCode.OK, Page);

        var (listed, error) = await ListAsync();

        Assert.Single(_transport.Requests); // no request followed the link, so the token went nowhere else
        Assert.All(_transport.Requests, request => Assert.Equal("webex.test", request.Uri.Host));
        Assert.NotNull(error);
        Assert.Equal(WebexErrorKind.Unreadable, error.Kind);
        Assert.Contains(link.Length > 200 ? link[..200] : link, error.Message);
        Assert.Contains("ROUTER_42", error.Message);
        Assert.Contains("https://webex.test/v1/", error.Message);
        Assert.DoesNotContain(Token, error.Message);
        Assert.True(listed.Count <= 1, what);
    }

    [Theory]
    [InlineData("</v1/wholesale/subscribers?offset=1&max=100>")]
    [InlineData("<subscribers?offset=1&max=100>")]
    [InlineData("<https://WEBEX.test/v1/wholesale/subscribers?offset=1&max=100>")]
    public async Task ARelativeOrEquivalentNextLink_IsResolvedAgainstTheRequest_AndFollowed(string link)
    {
        _transport.Then(HttpStatusCode.OK, Page, Next(link)).Then(HttpStatusCode.OK, """{"items": [{"id": "s2", "email": "b@example.test"}]}""");

        var (listed, error) = await ListAsync();

        Assert.Null(error);
        Assert.Equal(["s1", "s2"], listed.Select(s => s.Id));
        Assert.Equal("https://webex.test/v1/wholesale/subscribers?offset=1&max=100", _transport.Requests[1].Uri.AbsoluteUri);
        Assert.Equal($"Bearer {Token}", _transport.Requests[1].Authorization);
    }

    [Theory]
    [InlineData("<::not a url::>")]
    [InlineData("https://webex.test/v1/wholesale/subscribers?offset=1")]
    [InlineData("<http://[::1>")]
    public async Task AMalformedNextLink_IsAClearError_NotACrash(string link)
    {
        _transport.Then(HttpStatusCode.OK, Page, Next(link));

        var (_, error) = await ListAsync();

        Assert.NotNull(error);
        Assert.Contains("is not a URL", error.Message);
        Assert.Single(_transport.Requests);
    }

    [Fact]
    public async Task APageLargerThanAskedFor_IsRefused()
    {
        var items = string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"id": "s{{i}}"}"""));
        _transport.Then(HttpStatusCode.OK, $$"""{"items": [{{items}}]}""");

        var (listed, error) = await ListAsync();

        Assert.Empty(listed);
        Assert.Contains("a page of 101 items, where 100 were asked for", error!.Message);
    }

    [Fact]
    public async Task AServerThatKeepsLinkingEmptyPages_EndsTheListAtOnce()
    {
        _transport.Then(HttpStatusCode.OK, Page, Next("</v1/wholesale/subscribers?offset=1>"))
            .Then(request => Task.FromResult(Answer("""{"items": []}""", $"</v1/wholesale/subscribers?offset={Guid.NewGuid()}>")));

        var (_, error) = await ListAsync();

        Assert.Contains("an empty page that links another", error!.Message);
        Assert.Equal(2, _transport.Requests.Count);
    }

    [Fact]
    public async Task AServerThatLinksTheSamePageOnAndOn_IsStoppedAtTheFirstRepeat()
    {
        var offset = 0;
        _transport.Then(_ => Task.FromResult(Answer(Page, $"</v1/wholesale/subscribers?offset={offset += 1}>")));

        var (listed, error) = await ListAsync();

        Assert.Contains("the same page again under another link", error!.Message);
        Assert.Equal(2, _transport.Requests.Count);
        Assert.Single(listed);
    }

    [Fact]
    public async Task AServerThatNeverStopsLinking_IsCutOffAtTheStatedCeiling()
    {
        var offset = 0;
        _transport.Then(_ => Task.FromResult(Answer(
            $$"""{"items": [{{string.Join(",", Enumerable.Range(offset, 100).Select(i => $$"""{"id": "s{{i}}"}"""))}}]}""",
            $"</v1/wholesale/subscribers?offset={offset += 100}>")));

        var (listed, error) = await ListAsync();

        Assert.Contains($"more than {WebexRequestsCeiling:N0} items", error!.Message);
        Assert.Equal(WebexRequestsCeiling / 100 + 1, _transport.Requests.Count);
        Assert.Equal(WebexRequestsCeiling, listed.Count);
    }

    private const int WebexRequestsCeiling = 500_000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAnswerLargerThanTheCap_IsRefusedWithoutBeingRead(bool statesItsLength)
    {
        _transport.Then(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessJson()) };
            if (statesItsLength)
            {
                response.Content.Headers.ContentLength = 200_000_000;
            }

            return Task.FromResult(response);
        });

        var (_, error) = await ListAsync();

        Assert.NotNull(error);
        Assert.Equal(WebexErrorKind.Unreadable, error.Kind);
        Assert.Contains("larger than 8 MB", error.Message);
    }

    [Theory]
    [InlineData("https://webexapis.com/v1", null)]
    [InlineData("http://127.0.0.1:5000/v1", null)]
    [InlineData("http://[::1]:5000/v1", null)]
    [InlineData("http://webex.example.com/v1", "unencrypted")]
    [InlineData("https://user:pw@webexapis.com/v1", "user name")]
    [InlineData("https://webexapis.com/v1?x=1", "query")]
    [InlineData("ftp://webexapis.com/v1", "not an absolute https URL")]
    [InlineData("/v1", "not an absolute https URL")]
    public void TheBaseUrlRule_IsOneRule(string baseUrl, string? problem)
    {
        if (problem is null)
        {
            Assert.Null(TokenOrigin.Problem(baseUrl));
        }
        else
        {
            Assert.Contains(problem, TokenOrigin.Problem(baseUrl));
        }
    }

    private static HttpResponseMessage Answer(string json, string next)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("Link", $"{next}; rel=\"next\"");
        return response;
    }

    /// <summary>A body that never ends: only a reader that stops early survives it.</summary>
    private sealed class EndlessJson : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            _position += count;
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
