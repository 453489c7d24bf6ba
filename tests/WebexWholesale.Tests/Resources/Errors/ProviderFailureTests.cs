using System.Net;
using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Tests.Resources.Errors;

public class ProviderFailureTests
{
    private static WebexApiException Webex(HttpStatusCode? status) => new("read", "c1", status, null, "T1");

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ProviderErrorKind.InvalidInput)]
    [InlineData(HttpStatusCode.Unauthorized, ProviderErrorKind.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, ProviderErrorKind.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, ProviderErrorKind.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ProviderErrorKind.Conflict)]
    [InlineData(HttpStatusCode.Locked, ProviderErrorKind.Conflict)]
    [InlineData(HttpStatusCode.TooManyRequests, ProviderErrorKind.RateLimited)]
    [InlineData(HttpStatusCode.BadGateway, ProviderErrorKind.Unavailable)]
    [InlineData(null, ProviderErrorKind.Unavailable)]
    public void WebexErrors_BecomeTheMatchingKind(HttpStatusCode? status, ProviderErrorKind expected) =>
        Assert.Equal(expected, ProviderFailure.From(Webex(status))!.Kind);

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "pulumi config set --secret webex-wholesale:accessToken")]
    [InlineData(HttpStatusCode.Forbidden, "spark-admin:wholesale_customers_write")]
    [InlineData(HttpStatusCode.TooManyRequests, "--parallel")]
    public void WebexErrors_GetTheAdviceAPulumiUserNeeds(HttpStatusCode status, string advice)
    {
        var failure = ProviderFailure.From(Webex(status))!;

        Assert.Contains(advice, failure.Message);
        Assert.StartsWith("read of customer c1 failed", failure.Message);
    }

    [Fact]
    public void AForbiddenBillingReport_NamesTheBillingScopes_NotTheCustomerOnes()
    {
        var failure = ProviderFailure.From(new WebexApiException("create", "PARTNER 2026-11-01..2026-11-30", "billing report", HttpStatusCode.Forbidden, null, null))!;

        Assert.Contains("spark-admin:wholesale_billing_reports_write", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wholesale_customers", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableAnswer_IsUnavailable_NotAGuess() =>
        Assert.Equal(ProviderErrorKind.Unavailable,
            ProviderFailure.From(new WebexApiException("read", "c1", HttpStatusCode.OK, null, null, kind: WebexErrorKind.Unreadable))!.Kind);

    [Fact]
    public void AnUnknownException_IsNotClassified() => Assert.Null(ProviderFailure.From(new InvalidOperationException("bug")));
}
