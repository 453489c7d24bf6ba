using System.Net;
using WebexWholesale.Provider.Webex.Billing;

namespace WebexWholesale.Tests.Webex;

/// <summary>The CSV behind a presigned link: fetched without the token, over https only (plain http to loopback alone), read by its header.</summary>
public class BillingReportDownloadTests
{
    [Theory]
    [InlineData("https://billing-reports-int-us-east-1.webexcontent.com/a/WHOLESALE/b.csv?Expires=1&Signature=s", null)]
    [InlineData("http://127.0.0.1:41234/a/WHOLESALE/b.csv?Expires=1", null)]
    [InlineData("http://billing.webexcontent.com/b.csv?Signature=s", "is plain http")]
    [InlineData("https://user:pw@billing.webexcontent.com/b.csv", "carries a user name")]
    [InlineData("ftp://billing.webexcontent.com/b.csv", "no download link")]
    [InlineData("/relative.csv", "no download link")]
    [InlineData("", "no download link")]
    public void OnlyHttpsLinks_OrLoopbackHttp_AreFetched(string link, string? problem)
    {
        var found = BillingReportDownload.Problem(link);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
            Assert.DoesNotContain("Signature", found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheRequest_CarriesNoToken_AndAnExpiredLinkSaysSo_WithoutItsSignature()
    {
        var handler = new Recording(HttpStatusCode.Forbidden);
        using var client = new HttpClient(handler);

        var error = await Assert.ThrowsAsync<BillingDownloadException>(() =>
            new BillingReportDownload(client).FetchAsync("https://content.example/r.csv?Expires=1&Signature=SECRET-SIGNATURE", CancellationToken.None));

        Assert.Null(handler.Seen!.Headers.Authorization);
        Assert.Contains("may have expired", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-SIGNATURE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCsv_IsReadByItsHeader_WithQuotedCommasQuotesAndLineBreaks()
    {
        var csv = BillingCsv.Parse("\uFEFFemail,package,subscriberId\r\n\"a,b\"\"c\"\"@x.test\",webex_calling,s1\r\n\"multi\nline@x.test\",webex_meetings,s2\r\n\r\n");

        var columns = csv.Columns("subscriberId", "email");

        Assert.Equal(["s1", "s2"], csv.Rows.Select(row => row[columns[0]]));
        Assert.Equal(["a,b\"c\"@x.test", "multi\nline@x.test"], csv.Rows.Select(row => row[columns[1]]));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("a,b\r\n1,2,3\r\n", "line 2 of the report has 3 fields where its header has 2")]
    [InlineData("a,b\r\n\"1,2\r\n", "ends inside a quoted field")]
    public void ABrokenCsv_IsAFormatError_ThatSaysWhere(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => BillingCsv.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void AMissingColumn_IsNamed() =>
        Assert.Contains("no column subscriberId", Assert.Throws<FormatException>(() => BillingCsv.Parse("email\r\nx\r\n").Columns("subscriberId", "email")).Message,
            StringComparison.Ordinal);

    private sealed class Recording(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }
}
