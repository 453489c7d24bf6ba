using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using WebexWholesale.Exporter;
using WebexWholesale.Exporter.Audit;
using WebexWholesale.Provider.Webex;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Exporter;

/// <summary>
/// The audit's comparison, context by context, against a scripted Webex: sub-partner contexts found in the stacks, a
/// subscriber in two stacks, one gone, unmanaged ones under their unmanaged customer, and adoption names that never
/// take one a stack uses.
/// </summary>
public sealed class EstateAuditTests : IDisposable
{
    private const string SubPartner = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9zdWI";
    private readonly string _folder = Directory.CreateTempSubdirectory("estate-audit-").FullName;
    private readonly FakeTimeProvider _time = FakeClock.Create();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Customer Customer(string id, string externalId) => new() { Id = id, ExternalId = externalId, Status = "provisioned", Packages = ["webex_meetings"] };

    private static AuditSubscriber Subscriber(string id, string customerId, string email) => new(id, email, customerId, ["webex_calling"], "provisioned");

    private string Stack(string stack, params (string Type, string Name, string Id, JsonObject Outputs)[] resources)
    {
        var path = Path.Combine(_folder, $"{stack}.json");
        var listed = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject
        {
            ["urn"] = $"urn:pulumi:{stack}::estate::webex-wholesale:index:{r.Type}::{r.Name}", ["type"] = $"webex-wholesale:index:{r.Type}", ["id"] = r.Id,
            ["outputs"] = r.Outputs,
        })]);
        File.WriteAllText(path, new JsonObject { ["version"] = 3, ["deployment"] = new JsonObject { ["resources"] = listed } }.ToJsonString());
        return path;
    }

    private static JsonObject Outputs(params (string Name, string Value)[] values) => new(values.Select(v => KeyValuePair.Create(v.Name, (JsonNode?)JsonValue.Create(v.Value))));

    private static JsonObject WithPackages(JsonObject outputs, string package)
    {
        outputs["packages"] = new JsonArray(JsonValue.Create(package));
        return outputs;
    }

    [Fact]
    public async Task EveryFinding_IsReportedOnce_InItsContext_WithAdoptionNamesNoStackUses()
    {
        var webex = new ScriptedWebex
        {
            Customers =
            {
                [""] = [Customer("c1", "acme"), Customer("c2", "globex")],
                [SubPartner] = [Customer("c3", "initech")],
            },
            Subscribers =
            {
                [""] = [Subscriber("s1", "c1", "ann@acme.test"), Subscriber("s2", "c1", "ann@other.test"), Subscriber("s3", "c2", "bob@globex.test")],
                [SubPartner] = [Subscriber("s4", "c3", "cy@initech.test"), Subscriber("s5", "c3", "di@initech.test")],
            },
        };
        var a = Stack("a", ("WholesaleCustomer", "acme", "c1", WithPackages(Outputs(("externalId", "acme")), "webex_meetings")),
            ("WholesaleSubscriber", "acme-ann", "s1", WithPackages(Outputs(("email", "ann@acme.test"), ("customerId", "c1")), "webex_calling")),
            ("WholesaleSubscriber", "acme-old", "s9", WithPackages(Outputs(("email", "old@acme.test"), ("customerId", "c1")), "webex_suite")));
        var b = Stack("b", ("WholesaleCustomer", "initech", "c3", Outputs(("externalId", "initech"), ("onBehalfOfSubPartnerOrgId", SubPartner))),
            ("WholesaleSubscriber", "initech-cy", "s4", Outputs(("email", "cy@initech.test"), ("customerId", "c3"), ("onBehalfOfSubPartnerOrgId", SubPartner))),
            ("WholesaleSubscriber", "acme-ann", "s1", Outputs(("email", "ann@acme.test"), ("customerId", "c1"))));

        var outcome = await new EstateAudit(webex, webex, new Progress(TextWriter.Null, _time)).RunAsync([a, b], [], "https://webexapis.com/v1", CancellationToken.None);
        var report = outcome.Report;

        Assert.Equal(["", SubPartner], report.Contexts);
        Assert.Equal(["globex"], report.UnmanagedCustomers.Select(c => c.ExternalId));
        Assert.Equal(["bob@globex.test"], report.UnmanagedCustomers.Single().Subscribers.Select(s => s.Email));
        Assert.Equal(["ann@other.test", "di@initech.test"], report.UnmanagedSubscribers.Select(s => s.Email));
        Assert.Equal("estate/b (initech)", report.UnmanagedSubscribers[1].CustomerDeclaredIn);
        Assert.Equal(["subscriber ann@acme.test: estate/a (acme-ann), estate/b (acme-ann)"],
            report.ManagedTwice.Select(e => $"{e.Kind} {e.Label}: {string.Join(", ", e.DeclaredIn)}"));
        Assert.Equal(["subscriber old@acme.test estate/a [webex_suite]"], report.Gone.Select(e => $"{e.Kind} {e.Label} {e.Stack} [{string.Join(",", e.Packages)}]"));

        var adopted = outcome.SubscribersOfDeclared.ToDictionary(pair => pair.Subscriber.Inputs.Email!, pair => pair.Subscriber.PulumiName);
        Assert.NotEqual("acme-ann", adopted["ann@other.test"]); // acme-ann is ann@acme.test's name in both stacks
        Assert.StartsWith("acme-ann-", adopted["ann@other.test"], StringComparison.Ordinal);
        Assert.Equal("initech-di", adopted["di@initech.test"]);
        Assert.Equal(["globex"], outcome.Customers.Select(c => c.PulumiName));
    }

    [Fact]
    public async Task ASubPartnerGivenOnTheCommandLine_IsAudited_EvenWhenNoStackManagesOne()
    {
        var webex = new ScriptedWebex { Customers = { [""] = [], [SubPartner] = [Customer("c3", "initech")] }, Subscribers = { [""] = [], [SubPartner] = [] } };

        var outcome = await new EstateAudit(webex, webex, new Progress(TextWriter.Null, _time)).RunAsync([Stack("empty")], [SubPartner], "https://webexapis.com/v1",
            CancellationToken.None);

        Assert.Equal(SubPartner, outcome.Report.UnmanagedCustomers.Single().SubPartnerOrgId);
    }

    [Fact]
    public async Task ADeclaredSubscriberTheListingLeftOut_ButThatExists_IsNotGone()
    {
        var webex = new ScriptedWebex
        {
            Customers = { [""] = [Customer("c1", "acme")] },
            Subscribers = { [""] = [] },
            Unbilled = { Subscriber("s1", "c1", "pending@acme.test") },
        };
        var stack = Stack("a", ("WholesaleCustomer", "acme", "c1", Outputs(("externalId", "acme"))),
            ("WholesaleSubscriber", "acme-pending", "s1", Outputs(("email", "pending@acme.test"), ("customerId", "c1"))),
            ("WholesaleSubscriber", "acme-gone", "s2", Outputs(("email", "gone@acme.test"), ("customerId", "c1"))));

        var report = (await new EstateAudit(webex, webex, new Progress(TextWriter.Null, _time)).RunAsync([stack], [], "https://webexapis.com/v1", CancellationToken.None)).Report;

        Assert.Equal(["gone@acme.test"], report.Gone.Select(e => e.Label));
        Assert.True(report.Clean == false && report.UnmanagedSubscribers.Count == 0);
    }

    private sealed class ScriptedWebex : IWholesaleCustomersClient, ISubscriberSource
    {
        public Dictionary<string, List<Customer>> Customers { get; } = [];
        public Dictionary<string, List<AuditSubscriber>> Subscribers { get; } = [];
        public string Name => "list";

        public async IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, string? onBehalfOfSubPartnerOrgId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var customer in Customers[onBehalfOfSubPartnerOrgId ?? ""])
            {
                yield return customer;
            }
        }

        /// <summary>Subscribers a report leaves out (not billed yet) but that a lookup finds.</summary>
        public List<AuditSubscriber> Unbilled { get; } = [];

        public Task<IReadOnlyList<AuditSubscriber>> ListAsync(string? subPartner, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AuditSubscriber>>(Subscribers[subPartner ?? ""]);

        public Task<IReadOnlyList<AuditSubscriber>> ConfirmAsync(IReadOnlyList<(string Id, string? SubPartner)> missing, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AuditSubscriber>>([.. Unbilled.Where(s => missing.Any(m => m.Id == s.Id))]);

        public Task<CustomerPage> ListPageAsync(CustomerListFilter filter, int offset, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<string> ProvisionAsync(ProvisionCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Customer?> GetAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UpdateAsync(string customerId, UpdateCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<bool> RemoveAsync(string customerId, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PrecheckResult> PrecheckAsync(PrecheckCustomerRequest request, string? onBehalfOfSubPartnerOrgId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
