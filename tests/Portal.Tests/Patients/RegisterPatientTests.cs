using Moq;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Patients;
using Portal.Core.Profile;

namespace Portal.Tests.Patients;

public class RegisterPatientTests
{
    private static readonly NewPatient Ana = new("Ana", "Diaz", new DateOnly(1984, 3, 9), "MRN-1", "+15555550101", "ana@example.org");
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<IPatientRegistry> registry = new();
    private readonly InMemoryActivations activations = new();
    private readonly Dictionary<(string, string), RequestReplay> remembered = [];
    private readonly Mock<IRequestReplays> replays = new();
    private PendingActivation? lastActivation;

    public RegisterPatientTests()
    {
        registry.Setup(r => r.RegisterAsync(It.IsAny<PatientProfile>(), It.IsAny<PendingActivation>(), It.IsAny<CancellationToken>()))
            .Callback<PatientProfile, PendingActivation, CancellationToken>((_, a, _) => activations.Issue(lastActivation = a))
            .ReturnsAsync((PatientProfile p, PendingActivation _, CancellationToken _) => p.PatientId);
        replays.Setup(r => r.FindAsync(It.IsAny<string>(), "register", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string s, string _, string k, CancellationToken _) => remembered.GetValueOrDefault((s, k)));
        replays.Setup(r => r.SaveAsync(It.IsAny<RequestReplay>(), It.IsAny<CancellationToken>()))
            .Callback<RequestReplay, CancellationToken>((r, _) => remembered[(r.Subject, r.Key)] = r)
            .Returns(Task.CompletedTask);
    }

    private RegisterPatient UseCase() =>
        new(registry.Object, replays.Object, new ActivationCodeReplacement(activations, clock), new ChartAccess(Mock.Of<IPatientLinks>(), Mock.Of<IAuditLog>(), clock), clock);

    [Fact]
    public async Task Front_desk_gets_a_code_that_is_stored_only_as_its_hash_and_expires_in_14_days()
    {
        var result = await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), Ana, null, default);

        Assert.True(result.Succeeded);
        Assert.Equal(ActivationCode.Hash(ActivationCode.Normalize(result.Value.ActivationCode)!), lastActivation!.CodeHash);
        Assert.Equal(clock.Now.AddDays(14), result.Value.ExpiresAt);
        Assert.Equal(Ana.BirthDate, lastActivation.BirthDate);
    }

    [Theory]
    [InlineData(AppRoles.Clinician)]
    [InlineData(AppRoles.Billing)]
    [InlineData("Patient")]
    public async Task Only_front_desk_and_admins_register(string role) =>
        Assert.Equal(FailureKind.Forbidden, (await UseCase().ExecuteAsync(Callers.Staff(role), Ana, null, default)).Failure?.Kind);

    [Fact]
    public async Task A_duplicate_mrn_is_a_conflict()
    {
        registry.Setup(r => r.RegisterAsync(It.IsAny<PatientProfile>(), It.IsAny<PendingActivation>(), It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);

        Assert.Equal(FailureKind.Conflict, (await UseCase().ExecuteAsync(Callers.Staff(AppRoles.Admin), Ana, null, default)).Failure?.Kind);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_gets_the_same_patient_and_a_fresh_code_that_ends_the_first()
    {
        var frontDesk = Callers.Staff(AppRoles.FrontDesk);
        var first = await UseCase().ExecuteAsync(frontDesk, Ana, "key-1", default);
        var retry = await UseCase().ExecuteAsync(frontDesk, Ana, "key-1", default);

        Assert.Equal(first.Value!.PatientId, retry.Value!.PatientId);
        Assert.NotEqual(first.Value.ActivationCode, retry.Value.ActivationCode);
        registry.Verify(r => r.RegisterAsync(It.IsAny<PatientProfile>(), It.IsAny<PendingActivation>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(clock.Now, activations[HashOf(first.Value.ActivationCode)].ExpiresAt);
        var fresh = activations[HashOf(retry.Value.ActivationCode)];
        Assert.Equal((first.Value.PatientId, "Ana Diaz", Ana.BirthDate, clock.Now.AddDays(14)), (fresh.PatientId, fresh.PatientName, fresh.BirthDate, fresh.ExpiresAt));
    }

    [Fact]
    public async Task A_retry_after_the_patient_activated_is_a_conflict_and_issues_no_code()
    {
        var frontDesk = Callers.Staff(AppRoles.FrontDesk);
        var first = await UseCase().ExecuteAsync(frontDesk, Ana, "key-4", default);
        activations.Update(activations[HashOf(first.Value!.ActivationCode)] with { RedeemedBy = "ana", RedeemedAt = clock.Now });

        var retry = await UseCase().ExecuteAsync(frontDesk, Ana, "key-4", default);

        Assert.Equal(FailureKind.Conflict, retry.Failure?.Kind);
    }

    [Fact]
    public async Task A_key_reused_for_another_request_is_a_conflict()
    {
        var frontDesk = Callers.Staff(AppRoles.FrontDesk);
        await UseCase().ExecuteAsync(frontDesk, Ana, "key-2", default);

        var other = await UseCase().ExecuteAsync(frontDesk, Ana with { Mrn = "MRN-2" }, "key-2", default);

        Assert.Equal(FailureKind.Conflict, other.Failure?.Kind);
    }

    [Fact]
    public async Task Keys_are_per_caller()
    {
        await UseCase().ExecuteAsync(Callers.Staff(AppRoles.FrontDesk), Ana, "key-3", default);

        await UseCase().ExecuteAsync(Callers.Staff(AppRoles.Admin), Ana with { Mrn = "MRN-3" }, "key-3", default);

        registry.Verify(r => r.RegisterAsync(It.IsAny<PatientProfile>(), It.IsAny<PendingActivation>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private static string HashOf(string code) => ActivationCode.Hash(ActivationCode.Normalize(code)!);
}
