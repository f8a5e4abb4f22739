using Moq;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Patients;

namespace Portal.Tests.Patients;

public class ReissueActivationCodeTests
{
    private static readonly DateOnly BirthDate = new(1984, 3, 9);
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryActivations activations = new();
    private readonly Mock<IPatientLinks> links = new();
    private readonly RecordingAuditLog audit = new();
    private readonly PendingActivation first;

    public ReissueActivationCodeTests()
    {
        first = ActivationCode.Issue("pat-1", "Ana Diaz", BirthDate, clock.Now.AddDays(-1)).Activation;
        activations.Issue(first);
    }

    private ReissueActivationCode UseCase() =>
        new(new ActivationCodeReplacement(activations, clock), new ChartAccess(links.Object, audit, clock));

    [Theory]
    [InlineData(AppRoles.FrontDesk)]
    [InlineData(AppRoles.Admin)]
    public async Task Front_desk_and_admins_get_a_fresh_code_that_ends_the_unused_one(string role)
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(role), "pat-1", default);

        Assert.True(result.Succeeded);
        var fresh = activations[ActivationCode.Hash(ActivationCode.Normalize(result.Value.ActivationCode)!)];
        Assert.Equal(("pat-1", "Ana Diaz", BirthDate, clock.Now.AddDays(14)), (fresh.PatientId, fresh.PatientName, fresh.BirthDate, fresh.ExpiresAt));
        Assert.Equal(clock.Now.AddDays(14), result.Value.ExpiresAt);
        Assert.Equal(clock.Now, activations[first.CodeHash].ExpiresAt);
        var recorded = Assert.Single(audit.Events);
        Assert.Equal(("pat-1", "activation.reissue", "patients/pat-1/activation-code", AuditOutcome.Success, role),
            (recorded.PatientId, recorded.Action, recorded.Resource, recorded.Outcome, recorded.ActingAs));
    }

    [Fact]
    public async Task A_locked_or_expired_code_is_replaced_too()
    {
        activations.Update(first with { FailedAttempts = PendingActivation.MaxFailedAttempts, ExpiresAt = clock.Now.AddMinutes(-1) });

        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), "pat-1", default);

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(AppRoles.Clinician)]
    [InlineData(AppRoles.Billing)]
    [InlineData(AppRoles.LabPush)]
    public async Task Other_staff_are_forbidden_and_no_code_changes(string role)
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(role), "pat-1", default);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Equal(first.ExpiresAt, activations[first.CodeHash].ExpiresAt);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(audit.Events).Outcome);
    }

    [Fact]
    public async Task The_patient_and_a_caregiver_are_forbidden_whatever_their_link_allows()
    {
        links.Setup(l => l.FindAsync("ana", "pat-1", It.IsAny<CancellationToken>())).ReturnsAsync(new PatientLink("ana", "pat-1", LinkKind.Self, "Ana Diaz", []));
        links.Setup(l => l.FindAsync("luis", "pat-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PatientLink("luis", "pat-1", LinkKind.Proxy, "Ana Diaz", ["profile.write", "activation.write"], clock.Now.AddDays(1)));

        var self = await UseCase().ExecuteAsync(Callers.Person("ana"), "pat-1", default);
        var caregiver = await UseCase().ExecuteAsync(Callers.Person("luis"), "pat-1", default);

        Assert.Equal((FailureKind.Forbidden, FailureKind.Forbidden), (self.Failure?.Kind, caregiver.Failure?.Kind));
        Assert.Equal(first.ExpiresAt, activations[first.CodeHash].ExpiresAt);
    }

    [Fact]
    public async Task A_stranger_gets_not_found()
    {
        var result = await UseCase().ExecuteAsync(Callers.Person("stranger"), "pat-1", default);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
    }

    [Fact]
    public async Task An_unknown_patient_is_not_found_and_the_attempt_is_recorded_as_failed()
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), "pat-unknown", default);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
        Assert.Equal(("pat-unknown", AuditOutcome.Failed), (Assert.Single(audit.Events).PatientId, audit.Events[0].Outcome));
    }

    [Fact]
    public async Task An_activated_patient_gets_no_new_code()
    {
        activations.Update(first with { RedeemedBy = "ana", RedeemedAt = clock.Now });

        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), "pat-1", default);

        Assert.Equal(FailureKind.Conflict, result.Failure?.Kind);
        Assert.Contains("already activated", result.Failure!.Detail);
        Assert.Equal(first.CodeHash, (await activations.FindCurrentAsync("pat-1", default))!.Value.CodeHash);
        Assert.Equal(AuditOutcome.Failed, Assert.Single(audit.Events).Outcome);
    }

    [Fact]
    public async Task A_code_redeemed_while_the_new_one_is_being_issued_wins()
    {
        activations.BeforeReplace = () =>
        {
            activations.BeforeReplace = null;
            activations.Update(first with { RedeemedBy = "ana", RedeemedAt = clock.Now });
        };

        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), "pat-1", default);

        Assert.Equal(FailureKind.Conflict, result.Failure?.Kind);
        Assert.Equal(first.CodeHash, (await activations.FindCurrentAsync("pat-1", default))!.Value.CodeHash);
    }

    [Fact]
    public async Task A_wrong_birth_date_typed_meanwhile_does_not_stop_the_new_code()
    {
        activations.BeforeReplace = () =>
        {
            activations.BeforeReplace = null;
            activations.Update(first with { FailedAttempts = 1 });
        };

        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), "pat-1", default);

        Assert.True(result.Succeeded);
        Assert.Equal(clock.Now, activations[first.CodeHash].ExpiresAt);
    }
}
