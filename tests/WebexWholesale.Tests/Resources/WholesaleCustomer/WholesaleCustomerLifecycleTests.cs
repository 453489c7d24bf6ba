using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Tests.Support;
using static WebexWholesale.Tests.Resources.WholesaleCustomer.Fixtures;

namespace WebexWholesale.Tests.Resources.WholesaleCustomer;

public class WholesaleCustomerLifecycleTests
{
    private const string Id = "cust-1";
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly Mock<IWholesaleCustomersClient> _webex = new(MockBehavior.Strict);
    private readonly Mock<IResourceLog> _log = new();
    private readonly List<string> _progress = [];
    private readonly WholesaleCustomerResource _sut = new(new PollSchedule(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)));

    public WholesaleCustomerLifecycleTests()
    {
        _log.Setup(l => l.StatusAsync(It.IsAny<string>())).Callback<string>(_progress.Add).Returns(Task.CompletedTask);
    }

    private ResourceContext Context(CancellationToken cancellation = default) => new(
        "urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleCustomer::acme", "acme",
        ConfiguredProvider.ForClient(_webex.Object, new ProviderSettings(new Uri("https://webex.test/v1"), "t", 4), _time), _log.Object, _time, cancellation);

    private static Customer Seen(string status, params string[] packages) => new()
    {
        Id = Id, ExternalId = "acme", Status = status, OrgId = status == CustomerStatus.Provisioned ? "org-1" : null,
        Packages = packages.Length == 0 ? ["webex_meetings"] : packages,
        Address = new CustomerAddress { AddressLine1 = "1 Main St", City = "Springfield", Country = "US", ZipOrPostalCode = "12345" },
        ResourceDetails = new ResourceDetails { Packages = [new PackageDetail { Name = "webex_meetings", Status = status == CustomerStatus.Provisioned ? "provisioned" : "provisioning" }] },
    };

    private void NoCustomerWithExternalId() =>
        _webex.Setup(w => w.ListAsync(It.Is<CustomerListFilter>(f => f.ExternalId == "acme"), null, It.IsAny<CancellationToken>())).Returns(Items());

    private static async IAsyncEnumerable<Customer> Items(params Customer[] customers)
    {
        foreach (var customer in customers)
        {
            yield return customer;
        }

        await Task.CompletedTask;
    }

    [Fact]
    public async Task Create_ProvisionsWaitsAndReportsProgress()
    {
        NoCustomerWithExternalId();
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(Id);
        _webex.SetupSequence(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Seen(CustomerStatus.Provisioning)).ReturnsAsync(Seen(CustomerStatus.Provisioning)).ReturnsAsync(Seen(CustomerStatus.Provisioned));

        var (id, state) = await _time.RunAsync(_sut.CreateAsync(Customer(), null, Context()));

        Assert.Equal(Id, id);
        Assert.Equal("provisioned", state.Outputs.Status);
        Assert.Equal("org-1", state.Inputs.OrgId);
        Assert.Equal("template-1", state.Inputs.ProvisioningId); // kept from the inputs: Webex never returns it
        Assert.Equal("Acme", state.Inputs.CustomerInfo!.Name);
        Assert.Equal(2, _progress.Count);
        Assert.All(_progress, p => Assert.Contains("webex_meetings provisioning", p));
    }

    [Fact]
    public async Task Create_AnExistingExternalId_StopsWithTheImportCommand()
    {
        _webex.Setup(w => w.ListAsync(It.IsAny<CustomerListFilter>(), null, It.IsAny<CancellationToken>())).Returns(Items(Seen(CustomerStatus.Provisioned)));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _sut.CreateAsync(Customer(), null, Context()));

        Assert.Contains($"pulumi import webex-wholesale:index:WholesaleCustomer acme {Id}", error.Message);
        _webex.Verify(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Create_WhenTheAnswerIsLost_FindsTheCustomerByExternalIdInsteadOfPostingAgain()
    {
        _webex.SetupSequence(w => w.ListAsync(It.IsAny<CustomerListFilter>(), null, It.IsAny<CancellationToken>()))
            .Returns(Items()).Returns(Items(Seen(CustomerStatus.Provisioning)));
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WebexApiException("provision", "acme", null, null, "T1", new HttpRequestException("reset")));
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioned));

        var (id, _) = await _time.RunAsync(_sut.CreateAsync(Customer(), null, Context()));

        Assert.Equal(Id, id);
        _webex.Verify(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Create_WhenTheAnswerIsLostAndNothingWasCreated_SaysSo_WithoutPostingAgain()
    {
        NoCustomerWithExternalId();
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WebexApiException("provision", "acme", statusCode: null, null, "T1", new HttpRequestException("connection reset")));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _sut.CreateAsync(Customer(), null, Context()));

        Assert.Equal(ProviderErrorKind.Unavailable, error.Kind);
        Assert.Contains("none was created", error.Message);
        // After a lost connection Webex may still be creating the customer: a second POST could make a duplicate.
        _webex.Verify(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Create_RefusedByWebexWithNothingCreated_IsSentAgain_AndSucceeds()
    {
        NoCustomerWithExternalId();
        _webex.SetupSequence(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WebexApiException("provision", "acme", HttpStatusCode.ServiceUnavailable, null, "T1"))
            .ThrowsAsync(new WebexApiException("provision", "acme", HttpStatusCode.BadGateway, null, "T2"))
            .ReturnsAsync(Id);
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioned));

        var (id, _) = await _time.RunAsync(_sut.CreateAsync(Customer(), null, Context()), TimeSpan.FromSeconds(1));

        Assert.Equal(Id, id);
        _webex.Verify(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task Create_RefusedByWebexEveryTime_GivesUpAfterFourAttempts()
    {
        NoCustomerWithExternalId();
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WebexApiException("provision", "acme", HttpStatusCode.ServiceUnavailable, null, "T1"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _time.RunAsync(_sut.CreateAsync(Customer(), null, Context()), TimeSpan.FromSeconds(1)));

        Assert.Contains("none was created", error.Message);
        _webex.Verify(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()), Times.Exactly(4));
    }

    /// <summary>A Webex call that never answers: only the operation's token ends it.</summary>
    private static async Task<T> Hang<T>(CancellationToken token)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, token);
        throw new InvalidOperationException("unreachable");
    }

    [Fact]
    public async Task Create_AgainstAWebexThatAcceptsThenNeverAnswers_ReturnsAtTheDeadline_WithTheCustomerRecorded()
    {
        NoCustomerWithExternalId();
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(Id);
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>()))
            .Returns<string, string?, CancellationToken>((_, _, token) => Hang<Customer?>(token));
        var started = _time.GetUtcNow();

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() =>
            _time.RunAsync(_sut.CreateAsync(Customer(), TimeSpan.FromSeconds(6), Context()), TimeSpan.FromMilliseconds(250)));

        Assert.Equal(Id, error.Id);
        Assert.Contains("timed out after 6s", error.Reasons[0]);
        Assert.InRange(_time.GetUtcNow() - started, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Create_WhoseProvisionNeverAnswers_LooksOnceMore_AndSaysWhatIsKnown()
    {
        _webex.SetupSequence(w => w.ListAsync(It.Is<CustomerListFilter>(f => f.ExternalId == "acme"), null, It.IsAny<CancellationToken>()))
            .Returns(Items())
            .Returns(Items(Seen(CustomerStatus.Provisioning)));
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .Returns<ProvisionCustomerRequest, string?, CancellationToken>((_, _, token) => Hang<string>(token));

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() =>
            _time.RunAsync(_sut.CreateAsync(Customer(), TimeSpan.FromSeconds(6), Context()), TimeSpan.FromMilliseconds(250)));

        Assert.Equal(Id, error.Id); // the POST had reached Webex: the customer is recorded, not orphaned
    }

    [Fact]
    public async Task Update_AgainstAHungWebex_ReturnsAtTheDeadline_AsRecordedPartialState()
    {
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioned));
        _webex.Setup(w => w.UpdateAsync(Id, It.IsAny<UpdateCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .Returns<string, UpdateCustomerRequest, string?, CancellationToken>((_, _, _, token) => Hang<bool>(token));

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() =>
            _time.RunAsync(_sut.UpdateAsync(Id, EmptyState, Customer(), Customer("webex_suite", "webex_meetings") with
            {
                ProvisioningParameters = new ProvisioningParametersInput { Calling = new CallingParametersInput { Location = HeadOffice } },
            }, TimeSpan.FromSeconds(5), Context()), TimeSpan.FromMilliseconds(250)));

        Assert.Matches("timed out after [56]s while sending the update", error.Reasons[0]); // counted from the start, in fake-time steps
    }

    [Fact]
    public async Task Update_StoppedByTheDeadlineWhileRetrying_SaysWhatWebexLastAnswered()
    {
        var lastAnswer = new WebexApiException("update", Id, HttpStatusCode.ServiceUnavailable, new WebexErrorBody { Message = "try later" }, "ROUTER_9");
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioned));
        _webex.Setup(w => w.UpdateAsync(Id, It.IsAny<UpdateCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .Returns<string, UpdateCustomerRequest, string?, CancellationToken>(async (_, _, _, token) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, token).ContinueWith(_ => { }, TaskScheduler.Default);
                throw new WebexCallStoppedException(lastAnswer, token);
            });

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() =>
            _time.RunAsync(_sut.UpdateAsync(Id, EmptyState, Customer(), Customer("webex_suite", "webex_meetings"), TimeSpan.FromSeconds(5), Context()),
                TimeSpan.FromMilliseconds(250)));

        Assert.Contains("timed out after", error.Reasons[0]);
        Assert.Contains("the last answer from Webex: update of customer cust-1 failed: HTTP 503 Service Unavailable: try later (Webex tracking id ROUTER_9)",
            error.Reasons[0]);
    }

    [Fact]
    public async Task Create_WhosePollsFailUntilTheDeadline_SaysWhatWebexLastAnswered()
    {
        NoCustomerWithExternalId();
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(Id);
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WebexApiException("get", Id, HttpStatusCode.BadGateway, body: null, "ROUTER_7"));

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() =>
            _time.RunAsync(_sut.CreateAsync(Customer(), TimeSpan.FromSeconds(20), Context()), TimeSpan.FromMilliseconds(250)));

        Assert.Equal(Id, error.Id);
        Assert.Contains("the last answer from Webex: get of customer cust-1 failed: HTTP 502 Bad Gateway (Webex tracking id ROUTER_7)", error.Reasons.Single());
    }

    [Theory]
    [InlineData(CustomerStatus.Error)]
    [InlineData(CustomerStatus.ProvisionedWithErrors)]
    public async Task Create_EndingInAFailure_KeepsTheCustomerWithWebexsReasons(string status)
    {
        NoCustomerWithExternalId();
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(Id);
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(status) with
        {
            Errors = [new WebexErrorDetail { ErrorCode = 4003, Description = "org creation failed" }],
        });

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() => _time.RunAsync(_sut.CreateAsync(Customer(), null, Context())));

        Assert.Equal(Id, error.Id);
        Assert.Equal(status, error.State.Outputs.Status);
        Assert.Contains(error.Reasons, r => r.Contains("org creation failed (code 4003)"));
    }

    [Fact]
    public async Task Create_TimingOut_KeepsTheCustomerAsLastSeen()
    {
        NoCustomerWithExternalId();
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(Id);
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioning));

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() =>
            _time.RunAsync(_sut.CreateAsync(Customer(), TimeSpan.FromMinutes(1), Context()), TimeSpan.FromSeconds(1)));

        Assert.Equal(Id, error.Id);
        Assert.Equal("provisioning", error.State.Outputs.Status);
        Assert.Contains("timed out after 1m00s", error.Reasons.Single());
        Assert.Contains("customTimeouts", error.Reasons.Single());
    }

    [Fact]
    public async Task Create_Cancelled_KeepsTheCustomerAsLastSeen()
    {
        using var cancellation = new CancellationTokenSource();
        NoCustomerWithExternalId();
        _webex.Setup(w => w.ProvisionAsync(It.IsAny<ProvisionCustomerRequest>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(Id);
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioning))
            .Callback(() => cancellation.Cancel());

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() =>
            _time.RunAsync(_sut.CreateAsync(Customer(), null, Context(cancellation.Token))));

        Assert.Equal(Id, error.Id);
        Assert.Contains("cancelled", error.Reasons.Single());
    }

    [Fact]
    public async Task Update_WaitsWhileWebexIsBusy_ThenSendsTheCompletePackageListWithTheLocation()
    {
        UpdateCustomerRequest? sent = null;
        _webex.SetupSequence(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Seen(CustomerStatus.Updating)).ReturnsAsync(Seen(CustomerStatus.Provisioned))
            .ReturnsAsync(Seen(CustomerStatus.Updating, "webex_calling", "webex_meetings"))
            .ReturnsAsync(Seen(CustomerStatus.Provisioned, "webex_calling", "webex_meetings"));
        _webex.Setup(w => w.UpdateAsync(Id, It.IsAny<UpdateCustomerRequest>(), null, It.IsAny<CancellationToken>()))
            .Callback<string, UpdateCustomerRequest, string?, CancellationToken>((_, request, _, _) => sent = request).Returns(Task.CompletedTask);
        var news = Customer("webex_meetings", "webex_calling") with
        {
            ProvisioningParameters = new ProvisioningParametersInput { Calling = new CallingParametersInput { Location = HeadOffice } },
        };

        var state = await _time.RunAsync(_sut.UpdateAsync(Id, EmptyState, Customer(), news, null, Context()));

        Assert.Equal(["webex_calling", "webex_meetings"], sent!.Packages);
        Assert.Equal("Head Office", sent.ProvisioningParameters!.Calling!.Location!.Name);
        Assert.Equal(["webex_calling", "webex_meetings"], state.Inputs.Packages!);
    }

    [Fact]
    public async Task Update_OfCreateOnlyInputsWebexDoesNotHold_SendsNothing()
    {
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioned));
        var imported = Customer() with { ProvisioningId = null, CustomerInfo = null };

        var state = await _time.RunAsync(_sut.UpdateAsync(Id, EmptyState, imported, Customer(), null, Context()));

        Assert.Equal("template-1", state.Inputs.ProvisioningId);
        _webex.Verify(w => w.UpdateAsync(It.IsAny<string>(), It.IsAny<UpdateCustomerRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Update_AfterAFailedProvisioning_SendsTheUpdateAgain()
    {
        _webex.SetupSequence(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Seen(CustomerStatus.ProvisionedWithErrors)).ReturnsAsync(Seen(CustomerStatus.Provisioned));
        _webex.Setup(w => w.UpdateAsync(Id, It.IsAny<UpdateCustomerRequest>(), null, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var state = await _time.RunAsync(_sut.UpdateAsync(Id, EmptyState, Customer(), Customer(), null, Context()));

        Assert.Equal("provisioned", state.Outputs.Status);
        _webex.Verify(w => w.UpdateAsync(Id, It.IsAny<UpdateCustomerRequest>(), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Delete_RemovesAndWaitsUntilWebexAnswers404()
    {
        _webex.SetupSequence(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Seen(CustomerStatus.Provisioned)).ReturnsAsync(Seen(CustomerStatus.Deleting)).ReturnsAsync((Customer?)null);
        _webex.Setup(w => w.RemoveAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await _time.RunAsync(_sut.DeleteAsync(Id, EmptyState, Customer(), null, Context()));

        _webex.Verify(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task Delete_OfACustomerAlreadyGone_Succeeds()
    {
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync((Customer?)null);

        await _sut.DeleteAsync(Id, EmptyState, Customer(), null, Context());
    }

    [Fact]
    public async Task Delete_TimingOut_SaysTheRemovalIsStillRunning()
    {
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Deleting));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            _time.RunAsync(_sut.DeleteAsync(Id, EmptyState, Customer(), TimeSpan.FromSeconds(30), Context()), TimeSpan.FromSeconds(1)));

        Assert.Contains("removal is still running", error.Message);
        Assert.Contains("run `pulumi destroy` again", error.Message);
        _webex.Verify(w => w.RemoveAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Read_OfACustomerRemovedOutOfBand_IsNull()
    {
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync((Customer?)null);

        Assert.Null(await _sut.ReadAsync(Id, Customer(), EmptyState, Context()));
    }

    [Fact]
    public async Task Read_RebuildsInputsFromWebex_KeepingWhatWebexNeverReturns()
    {
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioned, "webex_suite") with { ExternalId = "acme-renamed" });

        var result = await _sut.ReadAsync(Id, Customer(), EmptyState, Context());

        Assert.Equal("acme-renamed", result!.Inputs.ExternalId);
        Assert.Equal(["webex_suite"], result.Inputs.Packages!);
        Assert.Equal("template-1", result.Inputs.ProvisioningId);
        Assert.Equal("Acme", result.Inputs.CustomerInfo!.Name);
        Assert.Null(result.Inputs.OrgId);
        Assert.Equal("org-1", result.State.Inputs.OrgId);
    }

    [Fact]
    public async Task Read_ForAnImport_ReturnsInputsFromWebexAlone()
    {
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Provisioned));

        var result = await _sut.ReadAsync(Id, null, null, Context());

        Assert.Equal("org-1", result!.Inputs.OrgId);
        Assert.Null(result.Inputs.ProvisioningId);
        Assert.Equal("acme", result.Inputs.ExternalId);
        Assert.Equal("provisioned", result.State.Outputs.Status);
    }

    [Fact]
    public async Task Read_OfAFailedCustomer_OnRefresh_ReportsItUnhealthyWithItsInputs()
    {
        _webex.Setup(w => w.GetAsync(Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Seen(CustomerStatus.Error));

        var error = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleCustomerInputs, WholesaleCustomerOutputs>>(() =>
            _sut.ReadAsync(Id, Customer(), EmptyState, Context()));

        Assert.IsType<WholesaleCustomerInputs>(error.Inputs);
    }
}
