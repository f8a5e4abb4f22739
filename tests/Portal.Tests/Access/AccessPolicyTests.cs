using Portal.Core.Access;
using Portal.Core.Identity;

namespace Portal.Tests.Access;

public class AccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static PatientLink Self(string subject = "person-1") => new(subject, "pat-1", LinkKind.Self, "Ana Diaz", []);

    private static PatientLink Proxy(string[] scopes, DateTimeOffset? expires = null, DateTimeOffset? revoked = null) =>
        new("person-1", "pat-1", LinkKind.Proxy, "Ana Diaz", scopes, expires ?? Now.AddDays(30), revoked, "grant-1", "parent");

    public static TheoryData<DataCategory, bool> EveryPermission()
    {
        var data = new TheoryData<DataCategory, bool>();
        foreach (var category in Enum.GetValues<DataCategory>().Where(c => c != DataCategory.Activation))
        {
            data.Add(category, false);
            data.Add(category, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPermission))]
    public void The_patient_may_do_everything_with_their_own_chart_but_issue_activation_codes(DataCategory category, bool write) =>
        Assert.Equal(AccessDecision.Allow, AccessPolicy.Decide(Callers.Person(), Self(), new Permission(category, write), Now));

    [Fact]
    public void Nobody_issues_an_activation_code_through_a_link_not_the_patient_nor_a_caregiver_with_any_scope()
    {
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(Callers.Person(), Self(), Permission.Change(DataCategory.Activation), Now));
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(Callers.Person(), Proxy(["activation.write", "profile.write"]), Permission.Change(DataCategory.Activation), Now));
    }

    [Theory]
    [InlineData(AppRoles.FrontDesk, AccessDecision.Allow)]
    [InlineData(AppRoles.Clinician, AccessDecision.Allow)]
    [InlineData(AppRoles.Billing, AccessDecision.Allow)]
    [InlineData(AppRoles.Admin, AccessDecision.Allow)]
    [InlineData(AppRoles.LabPush, AccessDecision.Forbidden)]
    [InlineData("Patient", AccessDecision.Forbidden)]
    public void Staff_search_the_patient_index_and_no_one_else_does(string role, AccessDecision expected) =>
        Assert.Equal(expected, AccessPolicy.DecideSearch(Callers.Staff(role)));

    [Fact]
    public void A_person_without_roles_does_not_search_the_patient_index() =>
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.DecideSearch(Callers.Person()));

    [Fact]
    public void Someone_without_a_link_or_role_gets_not_found_so_existence_does_not_leak() =>
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(Callers.Person(), null, Permission.Read(DataCategory.Profile), Now));

    [Fact]
    public void A_link_that_belongs_to_another_subject_is_ignored() =>
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(Callers.Person("intruder"), Self("person-1"), Permission.Read(DataCategory.Records), Now));

    [Fact]
    public void A_proxy_reads_only_what_the_grant_scopes_allow()
    {
        var link = Proxy(["appointments.write", "results.read"]);
        var caller = Callers.Person();

        Assert.Equal(AccessDecision.Allow, AccessPolicy.Decide(caller, link, Permission.Read(DataCategory.Results), Now));
        Assert.Equal(AccessDecision.Allow, AccessPolicy.Decide(caller, link, Permission.Change(DataCategory.Appointments), Now));
        Assert.Equal(AccessDecision.Allow, AccessPolicy.Decide(caller, link, Permission.Read(DataCategory.Appointments), Now));
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(caller, link, Permission.Change(DataCategory.Results), Now));
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(caller, link, Permission.Read(DataCategory.Billing), Now));
    }

    [Fact]
    public void A_proxy_never_manages_proxies_or_reads_the_access_log_even_if_scoped()
    {
        var link = Proxy(["proxies.write", "accesslog.read"]);
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(Callers.Person(), link, Permission.Change(DataCategory.Proxies), Now));
        Assert.Equal(AccessDecision.Forbidden, AccessPolicy.Decide(Callers.Person(), link, Permission.Read(DataCategory.AccessLog), Now));
    }

    [Fact]
    public void An_expired_grant_gives_nothing()
    {
        var link = Proxy(["results.read"], expires: Now.AddSeconds(-1));
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(Callers.Person(), link, Permission.Read(DataCategory.Results), Now));
    }

    [Fact]
    public void A_revoked_grant_gives_nothing()
    {
        var link = Proxy(["results.read"], revoked: Now.AddDays(-1));
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(Callers.Person(), link, Permission.Read(DataCategory.Results), Now));
    }

    [Theory]
    [InlineData(AppRoles.Clinician, DataCategory.Results, true, AccessDecision.Allow)]
    [InlineData(AppRoles.Clinician, DataCategory.Profile, false, AccessDecision.Allow)]
    [InlineData(AppRoles.Clinician, DataCategory.Profile, true, AccessDecision.Forbidden)]
    [InlineData(AppRoles.Clinician, DataCategory.Billing, false, AccessDecision.Forbidden)]
    [InlineData(AppRoles.FrontDesk, DataCategory.Profile, true, AccessDecision.Allow)]
    [InlineData(AppRoles.FrontDesk, DataCategory.Appointments, true, AccessDecision.Allow)]
    [InlineData(AppRoles.FrontDesk, DataCategory.Results, false, AccessDecision.Forbidden)]
    [InlineData(AppRoles.FrontDesk, DataCategory.Activation, true, AccessDecision.Allow)]
    [InlineData(AppRoles.Admin, DataCategory.Activation, true, AccessDecision.Allow)]
    [InlineData(AppRoles.Clinician, DataCategory.Activation, true, AccessDecision.Forbidden)]
    [InlineData(AppRoles.Billing, DataCategory.Activation, true, AccessDecision.Forbidden)]
    [InlineData(AppRoles.Billing, DataCategory.Billing, true, AccessDecision.Allow)]
    [InlineData(AppRoles.Billing, DataCategory.Records, false, AccessDecision.Forbidden)]
    [InlineData(AppRoles.Admin, DataCategory.AccessLog, false, AccessDecision.Allow)]
    [InlineData(AppRoles.Admin, DataCategory.Records, false, AccessDecision.Forbidden)]
    [InlineData(AppRoles.LabPush, DataCategory.Results, true, AccessDecision.Allow)]
    [InlineData(AppRoles.LabPush, DataCategory.Results, false, AccessDecision.Forbidden)]
    [InlineData(AppRoles.LabPush, DataCategory.Profile, false, AccessDecision.Forbidden)]
    [InlineData(AppRoles.Clinician, DataCategory.Amendments, true, AccessDecision.Allow)]
    [InlineData(AppRoles.Admin, DataCategory.Amendments, true, AccessDecision.Allow)]
    [InlineData(AppRoles.Admin, DataCategory.Amendments, false, AccessDecision.Allow)]
    [InlineData(AppRoles.FrontDesk, DataCategory.Amendments, false, AccessDecision.Forbidden)]
    [InlineData(AppRoles.Billing, DataCategory.Amendments, false, AccessDecision.Forbidden)]
    [InlineData(AppRoles.RecordsPush, DataCategory.Amendments, false, AccessDecision.Forbidden)]
    public void Staff_and_labs_act_by_app_role(string role, DataCategory category, bool write, AccessDecision expected) =>
        Assert.Equal(expected, AccessPolicy.Decide(Callers.Staff(role), null, new Permission(category, write), Now));

    [Theory]
    [InlineData("records.write", true, AccessDecision.Allow)]
    [InlineData("records.write", false, AccessDecision.Allow)]
    [InlineData("records.read", false, AccessDecision.Allow)]
    [InlineData("records.read", true, AccessDecision.Forbidden)]
    [InlineData("messages.write", false, AccessDecision.Forbidden)]
    public void A_caregivers_records_scopes_cover_amendment_requests(string scope, bool write, AccessDecision expected) =>
        Assert.Equal(expected, AccessPolicy.Decide(Callers.Person(), Proxy([scope]), new Permission(DataCategory.Amendments, write), Now));

    [Fact]
    public void The_patient_role_claim_alone_opens_no_chart() =>
        Assert.Equal(AccessDecision.NotFound, AccessPolicy.Decide(Callers.Staff("Patient"), null, Permission.Read(DataCategory.Profile), Now));

    [Theory]
    [InlineData("results.read", DataCategory.Results, false)]
    [InlineData("Appointments.write", DataCategory.Appointments, true)]
    public void Scopes_parse(string scope, DataCategory category, bool write)
    {
        Assert.True(Permission.TryParseScope(scope, out var permission));
        Assert.Equal(new Permission(category, write), permission);
    }

    [Theory]
    [InlineData("results")]
    [InlineData("results.delete")]
    [InlineData("3.read")]
    [InlineData("records, results.read")]
    [InlineData(".read")]
    public void Bad_scopes_do_not_parse(string scope) => Assert.False(Permission.TryParseScope(scope, out _));
}
