using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Profile;

namespace Portal.Tests.Profile;

public class ChangeProfileTests
{
    private readonly Mock<IProfiles> profiles = new();
    private readonly Mock<IPatientLinks> links = new();
    private readonly RecordingAuditLog audit = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public ChangeProfileTests()
    {
        profiles.Setup(p => p.FindAsync("pat-1", It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<PatientProfile>(Profiles.Ana(), "etag-1"));
        profiles.Setup(p => p.ReplaceAsync(It.IsAny<PatientProfile>(), "etag-1", It.IsAny<Notice?>(), It.IsAny<CancellationToken>())).ReturnsAsync("etag-2");
        links.Setup(l => l.FindAsync(It.IsAny<string>(), "pat-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync((string subject, string _, CancellationToken _) => new PatientLink(subject, "pat-1", LinkKind.Self, "Ana Diaz", []));
    }

    private readonly Mock<INoticeQueue> queue = new();

    private ChangeProfile UseCase() =>
        new(profiles.Object, new ChartAccess(links.Object, audit, clock), queue.Object, clock, NullLogger<ChangeProfile>.Instance);

    [Fact]
    public async Task A_change_with_the_current_etag_is_saved_and_audited()
    {
        var result = await UseCase().ExecuteAsync(Callers.Person(), "pat-1", "etag-1", """{"preferredLanguage":"es"}""", default);

        Assert.Equal(("es", "etag-2"), (result.Value!.Value.PreferredLanguage, result.Value.ETag));
        Assert.Equal(AuditOutcome.Success, Assert.Single(audit.Events).Outcome);
    }

    [Fact]
    public async Task A_stale_etag_is_412_and_nothing_is_written()
    {
        var result = await UseCase().ExecuteAsync(Callers.Person(), "pat-1", "etag-0", """{"preferredLanguage":"es"}""", default);

        Assert.Equal(FailureKind.PreconditionFailed, result.Failure?.Kind);
        profiles.Verify(p => p.ReplaceAsync(It.IsAny<PatientProfile>(), It.IsAny<string>(), It.IsAny<Notice?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Losing_the_write_race_is_412_too()
    {
        profiles.Setup(p => p.ReplaceAsync(It.IsAny<PatientProfile>(), "etag-1", It.IsAny<Notice?>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException("lost"));

        var result = await UseCase().ExecuteAsync(Callers.Person(), "pat-1", "etag-1", """{"preferredLanguage":"es"}""", default);

        Assert.Equal(FailureKind.PreconditionFailed, result.Failure?.Kind);
        Assert.Equal(AuditOutcome.Failed, Assert.Single(audit.Events).Outcome);
    }

    [Fact]
    public async Task Without_if_match_it_is_428()
    {
        var result = await UseCase().ExecuteAsync(Callers.Person(), "pat-1", null, """{"preferredLanguage":"es"}""", default);

        Assert.Equal(FailureKind.PreconditionRequired, result.Failure?.Kind);
    }

    [Theory]
    [InlineData("""{"phone":"+15555550199"}""")]
    [InlineData("""{"email":"new@example.org"}""")]
    public async Task Changing_phone_or_email_without_mfa_asks_for_step_up(string patch)
    {
        var withoutMfa = await UseCase().ExecuteAsync(Callers.Person(mfa: false), "pat-1", "etag-1", patch, default);
        var withMfa = await UseCase().ExecuteAsync(Callers.Person(mfa: true), "pat-1", "etag-1", patch, default);

        Assert.Equal(FailureKind.StepUpRequired, withoutMfa.Failure?.Kind);
        Assert.True(withMfa.Succeeded);
    }

    [Fact]
    public async Task Other_changes_need_no_mfa() =>
        Assert.True((await UseCase().ExecuteAsync(Callers.Person(mfa: false), "pat-1", "etag-1", """{"smsConsent":false}""", default)).Succeeded);

    [Fact]
    public async Task A_stranger_gets_404_without_a_read()
    {
        links.Setup(l => l.FindAsync("stranger", "pat-1", It.IsAny<CancellationToken>())).ReturnsAsync((PatientLink?)null);

        var result = await UseCase().ExecuteAsync(Callers.Person("stranger"), "pat-1", "etag-1", """{"smsConsent":false}""", default);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
        profiles.Verify(p => p.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_new_phone_number_sends_a_security_notice_in_the_same_write_and_wakes_the_dispatcher()
    {
        Notice? written = null;
        profiles.Setup(p => p.ReplaceAsync(It.IsAny<PatientProfile>(), "etag-1", It.IsAny<Notice?>(), It.IsAny<CancellationToken>()))
            .Callback((PatientProfile _, string _, Notice? notice, CancellationToken _) => written = notice).ReturnsAsync("etag-2");

        await UseCase().ExecuteAsync(Callers.Person(mfa: true), "pat-1", "etag-1", """{"phone":"+15555550199"}""", default);

        Assert.Equal((NoticeKind.SecurityNotice, "pat-1", NoticeState.Pending), (written!.Kind, written.PatientId, written.State));
        queue.Verify(q => q.EnqueueAsync(written.Reference, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Other_changes_send_no_notice()
    {
        await UseCase().ExecuteAsync(Callers.Person(), "pat-1", "etag-1", """{"preferredLanguage":"es"}""", default);

        profiles.Verify(p => p.ReplaceAsync(It.IsAny<PatientProfile>(), "etag-1", null, It.IsAny<CancellationToken>()), Times.Once);
        queue.VerifyNoOtherCalls();
    }
}
