using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Fleet;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Resources.WholesaleSubscriber;

/// <summary>
/// A subscriber's Create against a scripted Webex: answers lost in transit, an e-mail somebody else holds, answers
/// with errors, odd statuses or ids that cannot be ids. Nobody's subscriber is recorded as this stack's, and no path
/// leaves one in Webex without a command that adopts it.
/// </summary>
public sealed class WholesaleSubscriberLifecycleTests : IDisposable
{
    private const string Customer = "Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzE";
    private const string OtherCustomer = "Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzI";
    private const string Urn = "urn:pulumi:dev::fleet::webex-wholesale:index:WholesaleSubscriber::ann";
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly ScriptedSubscribers _webex;
    private readonly ConfiguredProvider _provider;
    private readonly List<string> _warnings = [];
    private readonly WholesaleSubscriberResource _sut = new();

    public WholesaleSubscriberLifecycleTests()
    {
        _webex = new ScriptedSubscribers(_time);
        _provider = ConfiguredProvider.ForClient(Mock.Of<IWholesaleCustomersClient>(), new ProviderSettings(new Uri("https://webex.test/v1"), "t", 4), _time, _webex);
    }

    public void Dispose() => _provider.Dispose();

    private static WholesaleSubscriberInputs Ann(string email = "ann@example.test") =>
        new() { CustomerId = Customer, Email = email, Packages = ["webex_meetings"] };

    private ResourceContext Context()
    {
        var log = new Mock<IResourceLog>();
        log.Setup(l => l.WarningAsync(It.IsAny<string>())).Callback<string>(_warnings.Add).Returns(Task.CompletedTask);
        return new ResourceContext(Urn, "ann", _provider, log.Object, _time, CancellationToken.None);
    }

    private Task<(string Id, ResourceState<WholesaleSubscriberInputs, WholesaleSubscriberOutputs> State)> CreateAsync(WholesaleSubscriberInputs? inputs = null) =>
        _time.RunAsync(_sut.CreateAsync(inputs ?? Ann(), TimeSpan.FromMinutes(5), Context()));

    private static void AssertBothCommands(string message, string id)
    {
        Assert.Contains($"\n    pulumi import {WholesaleSubscriberResource.TypeToken} ann {id}\n", message);
        Assert.Contains($"\n    pulumi refresh --import-pending-creates '{Urn}' {id}\n", message);
    }

    [Fact]
    public async Task ALostAnswer_ThenAHolderOlderThanTheRequest_IsRefusedWithBothCommands_NeverRecorded()
    {
        var holder = _webex.Add("ann@example.test", Customer, created: _time.GetUtcNow() - TimeSpan.FromHours(3));
        _webex.OnProvision = (_, _) => throw ScriptedSubscribers.Refused10022(); // Webex refused it, and the refusal was lost
        _webex.LoseNextAnswer = true;

        var error = await Assert.ThrowsAsync<ProviderException>(() => CreateAsync());

        Assert.Equal(ProviderErrorKind.Conflict, error.Kind);
        AssertBothCommands(error.Message, holder.Id);
    }

    [Fact]
    public async Task ALostAnswer_ThenTheSubscriberThisRequestCreated_IsRecorded()
    {
        _webex.LoseNextAnswer = true;

        var (id, state) = await CreateAsync();

        Assert.Equal(_webex.Single().Id, id);
        Assert.Equal(SubscriberStatus.Provisioned, state.Outputs.Status);
    }

    [Fact]
    public async Task ALostAnswer_ThenAHolderTheChecksPrecheckSaw_IsRefused_EvenIfItLooksNew()
    {
        // Created a moment after the POST, by the clock, but this process's Check had already seen it hold the e-mail.
        _webex.OnProvision = (_, _) => throw ScriptedSubscribers.Refused10022();
        _webex.LoseNextAnswer = true;
        var holder = _webex.Add("ANN@example.test", Customer, created: _time.GetUtcNow() + TimeSpan.FromSeconds(1));
        _provider.Subscribers.NoteHolder("ann@example.test", holder.Id);

        var error = await Assert.ThrowsAsync<ProviderException>(() => CreateAsync());

        AssertBothCommands(error.Message, holder.Id);
    }

    [Fact]
    public async Task AHolderInAnotherCustomer_IsOfferedOnlyTheCommandThatApplies()
    {
        var holder = _webex.Add("ann@example.test", OtherCustomer, created: _time.GetUtcNow() - TimeSpan.FromDays(1));
        _webex.OnProvision = (_, _) => throw ScriptedSubscribers.Refused10022();

        var error = await Assert.ThrowsAsync<ProviderException>(() => CreateAsync());

        Assert.Contains($"It belongs to customer {OtherCustomer}, not to customer {Customer}", error.Message);
        Assert.Contains($"\n    pulumi import {WholesaleSubscriberResource.TypeToken} ann {holder.Id}\n", error.Message);
        Assert.DoesNotContain("--import-pending-creates", error.Message);
        Assert.DoesNotContain($"{holder.Id}.", error.Message);
    }

    [Fact]
    public async Task A10022WhoseHolderTheEmailFilterMisses_GetsTheWiderLook_AndTheAdoptionCommands()
    {
        var holder = _webex.Add("ann@example.test", Customer, created: _time.GetUtcNow() - TimeSpan.FromDays(1));
        _webex.EmailFilterFindsNothing = true;
        _webex.OnProvision = (_, _) => throw ScriptedSubscribers.Refused10022();

        var error = await Assert.ThrowsAsync<ProviderException>(() => CreateAsync());

        Assert.Equal(ProviderErrorKind.Conflict, error.Kind);
        AssertBothCommands(error.Message, holder.Id);
        Assert.DoesNotContain("not a subscriber of this partner", error.Message);
    }

    [Theory]
    [InlineData("\u212Aate-6@example.test")]
    [InlineData("\u212Bsa@example.test")]
    [InlineData("\u2126mega@example.test")]
    public async Task AnEmailThatCaseMappingWouldChange_IsLookedUpAsGiven_AfterALostAnswer(string email)
    {
        _webex.LoseNextAnswer = true;

        var (id, _) = await CreateAsync(Ann(email));

        Assert.Equal(_webex.Single().Id, id);
        Assert.Contains(email, _webex.EmailFilters);
    }

    [Theory]
    [InlineData("provisioned", true, "and these errors: no calling license (code 10010)")]
    [InlineData("error", false, "with status 'error'")]
    [InlineData("provisioning", false, "with status 'provisioning'")]
    [InlineData(null, false, "with no status")]
    public async Task AnAnswerWithErrorsOrAnUnexpectedStatus_IsRecordedAsAPartialFailure(string? status, bool errors, string says)
    {
        _webex.OnProvision = (request, _) => _webex.Add(request.Email, request.CustomerId, status: status,
            errors: errors ? [new WebexErrorDetail { ErrorCode = 10010, Description = "no calling license" }] : null);

        var partial = await Assert.ThrowsAsync<ResourceInitFailedException<WholesaleSubscriberInputs, WholesaleSubscriberOutputs>>(() => CreateAsync());

        Assert.Equal(_webex.Single().Id, partial.Id);
        Assert.Contains(says, Assert.Single(partial.Reasons));
        Assert.Equal(status, partial.State.Outputs.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../customers/Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzE")]
    [InlineData("a b")]
    public async Task AnAnswerWithAnIdThatCannotBeOne_IsFoundByEmail_AndRecordedUnderItsRealId(string answered)
    {
        _webex.OnProvision = (request, _) => _webex.Add(request.Email, request.CustomerId) with { Id = answered };

        var (id, _) = await CreateAsync();

        Assert.Equal(_webex.Single().Id, id);
        Assert.NotEqual(answered, id);
    }

    [Fact]
    public async Task AnAnswerWithAnIdThatCannotBeOne_AndNothingFoundByEmail_RecordsNothing()
    {
        _webex.OnProvision = (request, _) => new Subscriber { Id = "../customers/x", Email = request.Email, CustomerId = request.CustomerId, Status = "provisioned" };

        var error = await Assert.ThrowsAsync<ProviderException>(() => CreateAsync());

        Assert.Contains("which is not a Webex subscriber id", error.Message);
        Assert.Contains("nothing was recorded", error.Message);
    }

    /// <summary>Webex's subscribers, scripted: what POST does, whether its answer is lost, and how the e-mail filter matches.</summary>
    private sealed class ScriptedSubscribers(TimeProvider time) : IWholesaleSubscribersClient
    {
        private readonly ConcurrentDictionary<string, Subscriber> _subscribers = new();
        private int _next;

        /// <summary>What a POST does (after the attempt number); by default it creates the subscriber.</summary>
        public Func<ProvisionSubscriberRequest, int, Subscriber>? OnProvision { get; set; }

        /// <summary>The next POST is processed, but its answer never arrives.</summary>
        public bool LoseNextAnswer { get; set; }

        /// <summary>Webex's e-mail filter finds nothing (it matches differently from us).</summary>
        public bool EmailFilterFindsNothing { get; set; }

        public ConcurrentQueue<string> EmailFilters { get; } = new();

        private int _attempts;

        public Subscriber Single() => Assert.Single(_subscribers.Values);

        public Subscriber Add(string email, string? customerId, DateTimeOffset? created = null, string? status = SubscriberStatus.Provisioned,
            IReadOnlyList<WebexErrorDetail>? errors = null)
        {
            var subscriber = new Subscriber
            {
                Id = $"c3Vic2NyaWJlcg{Interlocked.Increment(ref _next):D4}", Email = email, CustomerId = customerId, Packages = ["webex_meetings"], Status = status,
                Errors = errors, Created = (created ?? time.GetUtcNow()).ToString("O"),
            };
            _subscribers[subscriber.Id] = subscriber;
            return subscriber;
        }

        public static WebexApiException Refused10022() => new("provision", "ann", "subscriber", HttpStatusCode.BadRequest,
            new WebexErrorBody { Message = "The email is already associated with an existing user.", Errors = [new WebexErrorDetail { ErrorCode = 10022 }] }, "T1");

        public Task<Subscriber> ProvisionAsync(ProvisionSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            Subscriber created;
            try
            {
                created = _subscribers.Values.Any(s => SubscriberEmail.Comparer.Equals(s.Email, request.Email))
                    ? throw Refused10022()
                    : (OnProvision ?? ((r, _) => Add(r.Email, r.CustomerId)))(request, attempt);
            }
            catch (WebexApiException) when (LoseNextAnswer)
            {
                created = null!;
            }

            if (LoseNextAnswer)
            {
                LoseNextAnswer = false;
                return Task.FromException<Subscriber>(new WebexApiException("provision", request.Email, "subscriber", null, null, "T0",
                    new HttpRequestException("Connection reset by peer")));
            }

            return Task.FromResult(created);
        }

        public async IAsyncEnumerable<Subscriber> ListAsync(SubscriberListFilter filter, string? onBehalfOfSubPartnerOrgId,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (filter.Email is { } email)
            {
                EmailFilters.Enqueue(email);
            }

            foreach (var subscriber in _subscribers.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
            {
                var byEmail = filter.Email is null || (!EmailFilterFindsNothing && string.Equals(subscriber.Email, filter.Email, StringComparison.OrdinalIgnoreCase));
                if (byEmail && (filter.CustomerId is null || subscriber.CustomerId == filter.CustomerId))
                {
                    yield return subscriber;
                }
            }
        }

        public Task<ListedPage<Subscriber>> ListPageAsync(SubscriberListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(new ListedPage<Subscriber>([.. _subscribers.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Skip(offset).Take(filter.PageSize ?? 50)], false));

        public Task<Subscriber?> GetAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(_subscribers.GetValueOrDefault(subscriberId));

        public Task<Subscriber> UpdateAsync(string subscriberId, UpdateSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(_subscribers[subscriberId] = _subscribers[subscriberId] with { Packages = request.Packages });

        public Task<bool> RemoveAsync(string subscriberId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(_subscribers.TryRemove(subscriberId, out _));

        public Task<PrecheckResult> PrecheckAsync(PrecheckSubscriberRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            Task.FromResult(new PrecheckResult(true, "success", [], [], null));

        public IAsyncEnumerable<SubPartner> ListSubPartnersAsync(string? provisioningState, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SubPartner>();
    }
}
