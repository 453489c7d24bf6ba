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

    /// <summary>A customer this provider created: it always has its provisioningId (inputs without one were read from Webex).</summary>
    private static readonly WholesaleCustomerInputs Base = Customer() with { CustomerInfo = null, Address = null, ExternalId = null };

    /// <summary>The fields other than the one whose absence marks an import.</summary>
    public static TheoryData<Field> FieldsOfACreatedCustomer => FieldsExcept("provisioningId");

    /// <summary>The fields a program may drop without a change: none but the org Webex assigns.</summary>
    public static TheoryData<Field> FieldsThatAreNotOnlyState => FieldsExcept("orgId");

    private static TheoryData<Field> FieldsExcept(string path) => [.. ((IEnumerable<object[]>)Fields).Select(row => (Field)row[0]).Where(f => f.Path != path)];

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
    [MemberData(nameof(FieldsOfACreatedCustomer))]
    public void Added_IsAnAdd_ThatNeverReplaces(Field field)
    {
        var change = Assert.Single(Diff(field.Set(Base, null), field.Set(Base, field.A)).Changes);

        Assert.Equal((field.Path, ChangeKind.Add, false), (change.Path, change.Kind, change.Replaces));
    }

    [Theory]
    [MemberData(nameof(FieldsThatAreNotOnlyState))]
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

    /// <summary>What Read returns on an import: what Webex returns, nothing it does not.</summary>
    private static readonly WholesaleCustomerInputs Imported = Customer() with { ProvisioningId = null, CustomerInfo = null, OrgId = "org-1" };

    [Fact]
    public void AfterImport_AMatchingProgram_IsNoChange()
    {
        var program = Customer() with
        {
            ProvisioningParameters = new ProvisioningParametersInput { Calling = new CallingParametersInput { Location = HeadOffice } },
            SubPartnerAdminEmail = "admin@sub.test",
        };

        Assert.Empty(Diff(Imported, program).Changes); // inputs Webex never returns are unknown after an import, not added
    }

    [Fact]
    public void AfterImport_ARealDifference_IsAnUpdate_NeverAReplacement()
    {
        var diff = Diff(Imported, Customer("webex_meetings", "webex_suite") with { ExternalId = "acme-2" });

        Assert.Equal(["externalId", "packages[1]"], diff.Changes.Select(c => c.Path));
        Assert.False(diff.RequiresReplacement);
    }

    [Fact]
    public void AProgramWrittenFromReadsInputs_IsNoChange() => Assert.Empty(Diff(Imported, Imported).Changes);

    [Fact]
    public void AfterACreate_AddingProvisioningParameters_IsStillAChange() =>
        Assert.Contains(Diff(Customer(), Customer() with { ProvisioningParameters = new ProvisioningParametersInput() }).Changes,
            change => change is { Path: "provisioningParameters", Kind: ChangeKind.Add });

    [Fact]
    public void LeavingOutTheOrgWebexAssigned_IsNoChange() => Assert.Empty(Diff(Customer() with { OrgId = "org-1" }, Customer()).Changes);

    [Fact]
    public void AnOrgThatBecomesUnknown_IsStillAChange() =>
        Assert.True(WholesaleCustomerDiff.Compute(Customer() with { OrgId = "org-1" }, WithUnknowns(Customer(), "orgId"), []).RequiresReplacement);

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
