using Moq;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Tests.Access;

public class ChartAccessTests
{
    private readonly Mock<IPatientLinks> links = new();
    private readonly RecordingAuditLog audit = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private List<AuditEvent> Events => audit.Events;

    private ChartAccess Access => new(links.Object, audit, clock);

    [Fact]
    public async Task A_stranger_is_refused_as_not_found_and_the_attempt_is_audited()
    {
        var result = await Access.OpenAsync(Callers.Person("stranger"), "pat-1", Permission.Read(DataCategory.Profile), "patients/pat-1/profile", default);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
        var denied = Assert.Single(Events);
        Assert.Equal(("stranger", "pat-1", "profile.read", AuditOutcome.Denied), (denied.ActorSubject, denied.PatientId, denied.Action, denied.Outcome));
        Assert.Equal("203.0.113.7", denied.ClientIp);
    }

    [Fact]
    public async Task Staff_whose_role_covers_the_permission_need_no_lookup()
    {
        var result = await Access.OpenAsync(Callers.Staff(AppRoles.Clinician), "pat-1", Permission.Read(DataCategory.Results), "r", default);

        Assert.True(result.Succeeded);
        Assert.Equal("Clinician", result.Value.ActingAs);
        links.VerifyNoOtherCalls();
        Assert.Empty(Events);
    }

    [Fact]
    public async Task A_caregiver_visit_is_recorded_on_behalf_of_the_patient()
    {
        links.Setup(l => l.FindAsync("carer", "pat-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PatientLink("carer", "pat-1", LinkKind.Proxy, "Ana", ["profile.read"], clock.Now.AddDays(1)));

        var visit = await Access.OpenAsync(Callers.Person("carer"), "pat-1", Permission.Read(DataCategory.Profile), "r", default);
        await Access.RecordAsync(visit.Value!, AuditOutcome.Success, default);

        var recorded = Assert.Single(Events);
        Assert.Equal(("proxy", "pat-1", AuditOutcome.Success), (recorded.ActingAs, recorded.OnBehalfOf, recorded.Outcome));
    }

    [Fact]
    public async Task A_caregiver_outside_the_grant_is_forbidden_not_hidden()
    {
        links.Setup(l => l.FindAsync("carer", "pat-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PatientLink("carer", "pat-1", LinkKind.Proxy, "Ana", ["appointments.read"], clock.Now.AddDays(1)));

        var result = await Access.OpenAsync(Callers.Person("carer"), "pat-1", Permission.Read(DataCategory.Billing), "r", default);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(Events).Outcome);
    }
}
