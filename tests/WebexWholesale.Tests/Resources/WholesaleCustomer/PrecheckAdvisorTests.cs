using System.Net;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Tests.Support;
using static WebexWholesale.Tests.Resources.WholesaleCustomer.Fixtures;

namespace WebexWholesale.Tests.Resources.WholesaleCustomer;

public class PrecheckAdvisorTests
{
    private readonly Mock<IWholesaleCustomersClient> _webex = new(MockBehavior.Strict);
    private readonly Mock<IResourceLog> _log = new();
    private readonly FakeTimeProvider _time = FakeClock.Create();

    private void PrecheckAnswers(PrecheckResult result) =>
        _webex.Setup(w => w.PrecheckAsync(It.IsAny<PrecheckCustomerRequest>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(result);

    private void CustomersWithExternalId(params Customer[] customers) =>
        _webex.Setup(w => w.ListAsync(It.IsAny<CustomerListFilter>(), null, It.IsAny<CancellationToken>())).Returns(customers.ToAsyncEnumerable());

    private static PrecheckResult Failed(double? code, string description) =>
        new(false, "failed", [], [new WebexErrorDetail { ErrorCode = code, Description = description }], "T-9");

    [Fact]
    public async Task APrecheckThatDoesNotAnswer_GivesUpWithinItsBudget_AsAWarning()
    {
        _webex.Setup(w => w.PrecheckAsync(It.IsAny<PrecheckCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .Returns<PrecheckCustomerRequest, string?, CancellationToken>(async (_, _, token) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token); // an unreachable Webex: only the budget ends the wait
                return new PrecheckResult(true, null, [], [], null);
            });
        var started = _time.GetUtcNow();

        var advice = await _time.RunAsync(PrecheckAdvisor.AskAsync(_webex.Object, Customer(), _time, CancellationToken.None), TimeSpan.FromMilliseconds(500));

        Assert.Empty(advice.Failures);
        Assert.Contains("did not answer within 5 s", Assert.Single(advice.Warnings));
        Assert.True(_time.GetUtcNow() - started <= PrecheckAdvisor.Budget + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task EmailInUse_IsAFailureOnThePrimaryEmail()
    {
        PrecheckAnswers(Failed(10022, "The email is already associated with an existing user."));
        CustomersWithExternalId();

        var advice = await PrecheckAdvisor.AskAsync(_webex.Object, Customer(), _time, CancellationToken.None);

        var failure = Assert.Single(advice.Failures);
        Assert.Equal("customerInfo.primaryEmail", failure.Property);
        Assert.Contains("Webex tracking id T-9", failure.Reason);
    }

    [Fact]
    public async Task ACollisionWithTheCustomerBeingReplaced_IsOnlyAWarning()
    {
        PrecheckAnswers(Failed(10022, "The email is already associated with an existing user."));
        CustomersWithExternalId(new Customer { Id = "old-customer", ExternalId = "acme" });

        var advice = await PrecheckAdvisor.AskAsync(_webex.Object, Customer(), _time, CancellationToken.None);

        Assert.Empty(advice.Failures);
        Assert.Contains(advice.Warnings, w => w.Contains("old-customer") && w.Contains("being replaced"));
    }

    [Fact]
    public async Task AnUnreachablePrecheck_IsAWarning()
    {
        _webex.Setup(w => w.PrecheckAsync(It.IsAny<PrecheckCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WebexApiException("precheck", "acme", null, null, "T-1", new HttpRequestException("refused")));

        var advice = await PrecheckAdvisor.AskAsync(_webex.Object, Customer(), _time, CancellationToken.None);

        Assert.Empty(advice.Failures);
        Assert.Contains("could not run", Assert.Single(advice.Warnings));
    }

    [Fact]
    public async Task InfoCodesOtherThanSuccess_AreWarnings()
    {
        PrecheckAnswers(new PrecheckResult(true, "success", [new PrecheckInfo { InfoCode = 100 }, new PrecheckInfo { InfoCode = 2560, Description = "Webex Calling maintenance" }], [], null));

        var advice = await PrecheckAdvisor.AskAsync(_webex.Object, Customer(), _time, CancellationToken.None);

        Assert.Contains("2560", Assert.Single(advice.Warnings));
    }

    [Theory]
    [InlineData("externalId acme is already used", "externalId")]
    [InlineData("address.country must be a two-letter code", "address")]
    [InlineData("provisioningParameters.calling.location is required", "provisioningParameters.calling.location")]
    [InlineData("packages: 'x' is not a Webex Wholesale package", "packages")]
    [InlineData("Something unexpected", "")]
    public void ErrorsMapToTheInputTheyConcern(string description, string property) =>
        Assert.Equal(property, PrecheckAdvisor.PropertyOf(new WebexErrorDetail { Description = description }));

    [Fact]
    public async Task Check_AsksThePrecheckOnlyForNewCustomers_AndNotWhenTurnedOff()
    {
        PrecheckAnswers(new PrecheckResult(true, "success", [new PrecheckInfo { InfoCode = 100 }], [], null));
        var sut = new WholesaleCustomerResource();
        ResourceContext Context(bool precheck) => new("urn", "acme",
            ConfiguredProvider.ForClient(_webex.Object, new ProviderSettings(new Uri("https://x/v1"), "t", 4, precheck)), _log.Object, _time, CancellationToken.None);

        await sut.CheckAsync(null, Known(Customer()), Context(precheck: true));
        await sut.CheckAsync(Known(Customer()), Known(Customer()), Context(precheck: true));
        await sut.CheckAsync(null, Known(Customer()), Context(precheck: false));

        _webex.Verify(w => w.PrecheckAsync(It.IsAny<PrecheckCustomerRequest>(), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Check_SortsPackages_AndReportsPrecheckFailures()
    {
        PrecheckAnswers(Failed(10022, "The email is already associated with an existing user."));
        CustomersWithExternalId();
        var sut = new WholesaleCustomerResource();
        var context = new ResourceContext("urn", "acme",
            ConfiguredProvider.ForClient(_webex.Object, new ProviderSettings(new Uri("https://x/v1"), "t", 4)), _log.Object, _time, CancellationToken.None);

        var result = await sut.CheckAsync(null, Known(Customer("webex_suite", "webex_meetings") with
        {
            ProvisioningParameters = new ProvisioningParametersInput { Calling = new CallingParametersInput { Location = HeadOffice } },
        }), context);

        Assert.Equal(["webex_meetings", "webex_suite"], result.Inputs.Packages!);
        Assert.Equal("customerInfo.primaryEmail", Assert.Single(result.Failures).Property);
    }
}
