using Moq;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Patients;

namespace Portal.Tests.Patients;

public class RedeemActivationCodeTests
{
    private const string Code = "ABCD-EFGH-JKLM";
    private static readonly DateOnly BirthDate = new(1984, 3, 9);
    private static readonly string Hash = ActivationCode.Hash("ABCDEFGHJKLM");

    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<IActivations> activations = new();
    private readonly Mock<IPatientLinks> links = new();
    private PendingActivation stored;
    private int version;

    public RedeemActivationCodeTests()
    {
        stored = new PendingActivation(Hash, "pat-1", "Ana Diaz", BirthDate, clock.Now.AddDays(14));
        activations.Setup(a => a.FindAsync(Hash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Versioned<PendingActivation>(stored, $"v{version}"));
        activations.Setup(a => a.UpdateAsync(It.IsAny<PendingActivation>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<PendingActivation, string, CancellationToken>((updated, eTag, _) =>
            {
                if (eTag != $"v{version}")
                {
                    throw new ConcurrencyConflictException("stale");
                }

                stored = updated;
                version++;
                return Task.CompletedTask;
            });
    }

    private RedeemActivationCode UseCase()
    {
        var audit = new Mock<IAuditLog>();
        return new RedeemActivationCode(activations.Object, links.Object, new ChartAccess(links.Object, audit.Object, clock), clock);
    }

    [Fact]
    public async Task The_right_code_and_birth_date_link_the_caller_to_the_patient()
    {
        var result = await UseCase().ExecuteAsync(Callers.Person(), Code, BirthDate, default);

        Assert.True(result.Succeeded);
        Assert.Equal(("person-1", "pat-1", LinkKind.Self), (result.Value.Subject, result.Value.PatientId, result.Value.Kind));
        links.Verify(l => l.SaveAsync(It.Is<PatientLink>(p => p.PatientId == "pat-1" && p.Subject == "person-1"), It.IsAny<CancellationToken>()));
        Assert.Equal("person-1", stored.RedeemedBy);
    }

    [Fact]
    public async Task A_code_is_single_use()
    {
        await UseCase().ExecuteAsync(Callers.Person(), Code, BirthDate, default);

        var second = await UseCase().ExecuteAsync(Callers.Person("someone-else"), Code, BirthDate, default);

        Assert.Equal(FailureKind.Validation, second.Failure?.Kind);
        Assert.Contains("already been used", second.Failure!.Detail + string.Join(" ", second.Failure.Errors!["code"]));
    }

    [Fact]
    public async Task Redeeming_again_as_the_same_person_is_idempotent()
    {
        await UseCase().ExecuteAsync(Callers.Person(), Code, BirthDate, default);
        var again = await UseCase().ExecuteAsync(Callers.Person(), Code, BirthDate, default);

        Assert.True(again.Succeeded);
        links.Verify(l => l.SaveAsync(It.IsAny<PatientLink>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        clock.Now = clock.Now.AddDays(15);

        var result = await UseCase().ExecuteAsync(Callers.Person(), Code, BirthDate, default);

        Assert.Contains("expired", Assert.Single(result.Failure!.Errors!["code"]));
        links.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Five_wrong_birth_dates_lock_the_code_even_for_the_right_one()
    {
        for (var i = 0; i < PendingActivation.MaxFailedAttempts; i++)
        {
            var wrong = await UseCase().ExecuteAsync(Callers.Person(), Code, BirthDate.AddDays(1), default);
            Assert.True(wrong.Failure!.Errors!.ContainsKey("birthDate"));
        }

        var right = await UseCase().ExecuteAsync(Callers.Person(), Code, BirthDate, default);

        Assert.Equal(FailureKind.TooManyAttempts, right.Failure?.Kind);
        Assert.Equal(5, stored.FailedAttempts);
        Assert.Null(stored.RedeemedBy);
    }

    [Fact]
    public async Task An_unknown_or_malformed_code_is_a_field_error()
    {
        var unknown = await UseCase().ExecuteAsync(Callers.Person(), "ZZZZ-ZZZZ-ZZZZ", BirthDate, default);
        var malformed = await UseCase().ExecuteAsync(Callers.Person(), "hello", BirthDate, default);

        Assert.True(unknown.Failure!.Errors!.ContainsKey("code"));
        Assert.True(malformed.Failure!.Errors!.ContainsKey("code"));
    }

    [Fact]
    public async Task Losing_a_race_rereads_and_sees_the_winner()
    {
        // Another redemption lands between our read and our write.
        var first = true;
        activations.Setup(a => a.FindAsync(Hash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                var snapshot = new Versioned<PendingActivation>(stored, $"v{version}");
                if (first)
                {
                    first = false;
                    stored = stored with { RedeemedBy = "winner", RedeemedAt = clock.Now };
                    version++;
                }

                return snapshot;
            });

        var result = await UseCase().ExecuteAsync(Callers.Person(), Code, BirthDate, default);

        Assert.Contains("already been used", Assert.Single(result.Failure!.Errors!["code"]));
        Assert.Equal("winner", stored.RedeemedBy);
    }
}
