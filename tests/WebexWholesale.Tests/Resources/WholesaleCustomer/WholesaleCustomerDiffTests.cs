using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using static WebexWholesale.Tests.Resources.WholesaleCustomer.Fixtures;

namespace WebexWholesale.Tests.Resources.WholesaleCustomer;

public class WholesaleCustomerDiffTests
{
    /// <summary>A field of the inputs: how to set it, two different values, the path a change shows at, and whether it replaces.</summary>
    public sealed record Field(string Path, Func<WholesaleCustomerInputs, object?, WholesaleCustomerInputs> Set, object A, object B, bool Replaces)
    {
        public override string ToString() => Path;
    }

    private static readonly WholesaleCustomerInputs Base = Customer() with { CustomerInfo = null, ProvisioningId = null, Address = null, ExternalId = null };

    public static TheoryData<Field> Fields => new()
    {
        new Field("provisioningId", (i, v) => i with { ProvisioningId = (string?)v }, "t1", "t2", Replaces: true),
        new Field("orgId", (i, v) => i with { OrgId = (string?)v }, "org-1", "org-2", Replaces: true),
        new Field("onBehalfOfSubPartnerOrgId", (i, v) => i with { OnBehalfOfSubPartnerOrgId = (string?)v }, "sp-1", "sp-2", Replaces: true),
        new Field("customerInfo", (i, v) => i with { CustomerInfo = (CustomerInfoInput?)v },
            new CustomerInfoInput { Name = "Acme", PrimaryEmail = "a@acme.test" }, new CustomerInfoInput { Name = "Acme Corp", PrimaryEmail = "a@acme.test" }, Replaces: true),
        new Field("externalId", (i, v) => i with { ExternalId = (string?)v }, "acme", "acme-2", Replaces: false),
        new Field("address", (i, v) => i with { Address = (AddressInput?)v }, Address, Address with { City = "Shelbyville" }, Replaces: false),
        new Field("subPartnerAdminEmail", (i, v) => i with { SubPartnerAdminEmail = (string?)v }, "a@sp.test", "b@sp.test", Replaces: false),
        new Field("provisioningParameters", (i, v) => i with { ProvisioningParameters = (ProvisioningParametersInput?)v },
            new ProvisioningParametersInput { Meetings = new MeetingsParametersInput { Timezone = "Europe/Berlin" } },
            new ProvisioningParametersInput { Meetings = new MeetingsParametersInput { Timezone = "Europe/Paris" } }, Replaces: false),
    };

    private static ResourceDiff Diff(WholesaleCustomerInputs olds, WholesaleCustomerInputs news, params string[] ignore) =>
        WholesaleCustomerDiff.Compute(olds, Known(news), ignore);

    [Theory]
    [MemberData(nameof(Fields))]
    public void Unchanged_IsNoChange(Field field) =>
        Assert.False(Diff(field.Set(Base, field.A), field.Set(Base, field.A)).HasChanges);

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changed_IsAnUpdate_ThatReplacesOnlyCreateOnlyFields(Field field)
    {
        var diff = Diff(field.Set(Base, field.A), field.Set(Base, field.B));

        var change = Assert.Single(diff.Changes);
        Assert.StartsWith(field.Path, change.Path);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Equal(field.Replaces, change.Replaces);
        Assert.True(diff.DeleteBeforeReplace || !field.Replaces);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Added_IsAnAdd_ThatNeverReplaces(Field field)
    {
        var change = Assert.Single(Diff(field.Set(Base, null), field.Set(Base, field.A)).Changes);

        Assert.Equal((field.Path, ChangeKind.Add, false), (change.Path, change.Kind, change.Replaces));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Removed_IsADelete_ThatNeverReplaces(Field field)
    {
        var change = Assert.Single(Diff(field.Set(Base, field.A), field.Set(Base, null)).Changes);

        Assert.Equal((field.Path, ChangeKind.Delete, false), (change.Path, change.Kind, change.Replaces));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void IgnoreChanges_HidesTheField(Field field) =>
        Assert.False(Diff(field.Set(Base, field.A), field.Set(Base, field.B), field.Path).HasChanges);

    [Theory]
    [MemberData(nameof(Fields))]
    public void UnknownNewValue_IsAChange_ThatReplacesCreateOnlyFields(Field field)
    {
        var diff = WholesaleCustomerDiff.Compute(field.Set(Base, field.A), WithUnknowns(field.Set(Base, null), field.Path), []);

        var change = Assert.Single(diff.Changes);
        Assert.Equal((field.Path, ChangeKind.Update, field.Replaces), (change.Path, change.Kind, change.Replaces));
    }

    [Fact]
    public void NestedChange_IsReportedAtItsLeafPath()
    {
        var diff = Diff(Base with { Address = Address }, Base with { Address = Address with { City = "Shelbyville", AddressLine2 = "Suite 5" } });

        Assert.Equal(["address.addressLine2", "address.city"], diff.Changes.Select(c => c.Path));
        Assert.Equal([ChangeKind.Add, ChangeKind.Update], diff.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void Packages_AreComparedAsASet()
    {
        Assert.False(Diff(Customer("webex_meetings", "webex_suite"), Customer("webex_suite", "webex_meetings")).HasChanges);

        var diff = Diff(Customer("cx_essentials", "webex_meetings"), Customer("webex_meetings", "webex_suite"));

        Assert.Equal([("packages[0]", ChangeKind.Delete), ("packages[1]", ChangeKind.Add)], diff.Changes.Select(c => (c.Path, c.Kind)));
        Assert.False(diff.RequiresReplacement);
    }

    [Fact]
    public void AfterImport_TheCreateOnlyInputsOfTheProgramAreAdded_NotAReplacement()
    {
        // Read after an import can only return what Webex returns: no provisioningId, no customerInfo.
        var imported = Customer() with { ProvisioningId = null, CustomerInfo = null, OrgId = "org-1" };
        var program = Customer();

        var diff = Diff(imported, program);

        Assert.False(diff.RequiresReplacement);
        Assert.Contains(diff.Changes, c => c is { Path: "provisioningId", Kind: ChangeKind.Add });
        Assert.Contains(diff.Changes, c => c is { Path: "customerInfo", Kind: ChangeKind.Add });
        Assert.Contains(diff.Changes, c => c is { Path: "orgId", Kind: ChangeKind.Delete });
    }

    [Fact]
    public void UnknownPackageElement_IsAnUpdateAtThatIndex()
    {
        var diff = WholesaleCustomerDiff.Compute(Customer("webex_meetings"), WithUnknowns(Customer("webex_meetings", null!), "packages[1]"), []);

        Assert.Equal([("packages[1]", ChangeKind.Add)], diff.Changes.Select(c => (c.Path, c.Kind)));
    }
}

public class WholesaleCustomerPreviewTests
{
    private readonly WholesaleCustomerResource _sut = new();

    [Fact]
    public void PreviewCreate_LeavesWhatOnlyWebexKnowsUnknown()
    {
        var preview = _sut.PreviewCreate(Known(Customer()));

        Assert.Equal(["errors", "orgId", "packageDetails", "status"], preview.UnknownOutputs.Order());
        Assert.Equal("acme", preview.State.Inputs.ExternalId);
    }

    [Fact]
    public void PreviewCreate_OfAnExistingOrg_KnowsTheOrgId() =>
        Assert.DoesNotContain("orgId", _sut.PreviewCreate(Known(Customer() with { OrgId = "org-1" })).UnknownOutputs);

    [Fact]
    public void PreviewUpdate_OfAPackageChange_LeavesTheStatusUnknown()
    {
        var olds = new WholesaleCustomerState(new WholesaleCustomerInputs { OrgId = "org-1" }, new WholesaleCustomerOutputs { Status = "provisioned" });

        var preview = _sut.PreviewUpdate(olds, Customer(), Known(Customer("webex_meetings", "cx_ai_assistant")));

        Assert.Contains("status", preview.UnknownOutputs);
        Assert.Equal("org-1", preview.State.Inputs.OrgId);
    }

    [Fact]
    public void PreviewUpdate_AddingCreateOnlyInputsAfterAnImport_KeepsTheStatusKnown()
    {
        var olds = new WholesaleCustomerState(new WholesaleCustomerInputs(), new WholesaleCustomerOutputs { Status = "provisioned" });

        var preview = _sut.PreviewUpdate(olds, Customer() with { ProvisioningId = null, CustomerInfo = null }, Known(Customer()));

        Assert.Empty(preview.UnknownOutputs);
        Assert.Equal("provisioned", preview.State.Outputs.Status);
    }
}
