using Moq;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Tests.Notifications;

public class NotificationPreferencesTests
{
    private readonly Mock<INotificationPreferences> store = new();
    private readonly Mock<IPatientLinks> links = new();
    private readonly RecordingAuditLog audit = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public NotificationPreferencesTests()
    {
        store.Setup(s => s.FindAsync("pat-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Versioned<NotificationPreferences>(NotificationPreferences.Defaults, NotificationPreferences.DefaultsETag));
        store.Setup(s => s.SaveAsync("pat-1", It.IsAny<NotificationPreferences>(), NotificationPreferences.DefaultsETag, It.IsAny<CancellationToken>()))
            .ReturnsAsync("etag-1");
        links.Setup(l => l.FindAsync(It.IsAny<string>(), "pat-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync((string subject, string _, CancellationToken _) => new PatientLink(subject, "pat-1", LinkKind.Self, "Ana Diaz", []));
    }

    private ChartAccess Access() => new(links.Object, audit, clock);

    private static NotificationPreferences Change(params KindChannel[] channels) =>
        NotificationPreferences.Defaults with { Channels = channels };

    [Fact]
    public void The_defaults_list_every_kind_and_security_notices_go_by_sms()
    {
        var defaults = NotificationPreferences.Defaults;

        Assert.Equal(Enum.GetValues<NoticeKind>(), defaults.Channels.Select(c => c.Kind));
        Assert.Equal(NoticeChannel.Sms, defaults.ChannelFor(NoticeKind.SecurityNotice));
        Assert.Equal(NoticeChannel.Email, defaults.ChannelFor(NoticeKind.StatementReady));
        Assert.Equal((new TimeOnly(21, 0), new TimeOnly(8, 0), false), (defaults.QuietHoursStart, defaults.QuietHoursEnd, defaults.DailyDigest));
        Assert.True(NotificationPreferenceRules.Validate(defaults).IsEmpty);
    }

    [Fact]
    public async Task A_read_before_any_save_is_the_defaults_with_their_etag()
    {
        var result = await new GetNotificationPreferences(store.Object, Access()).ExecuteAsync(Callers.Person(), "pat-1", default);

        Assert.Equal(NotificationPreferences.DefaultsETag, result.Value!.ETag);
        Assert.Equal(Enum.GetValues<NoticeKind>().Length, result.Value.Value.Channels.Count);
        Assert.Equal(("profile.read", AuditOutcome.Success), (Assert.Single(audit.Events).Action, audit.Events[0].Outcome));
    }

    [Fact]
    public async Task The_first_change_saves_every_kind_with_the_defaults_etag()
    {
        var result = await new ChangeNotificationPreferences(store.Object, Access()).ExecuteAsync(
            Callers.Person(), "pat-1", NotificationPreferences.DefaultsETag, Change(new KindChannel(NoticeKind.NewResult, NoticeChannel.Email)), default);

        Assert.Equal("etag-1", result.Value!.ETag);
        Assert.Equal(NoticeChannel.Email, result.Value.Value.ChannelFor(NoticeKind.NewResult));
        Assert.Equal(Enum.GetValues<NoticeKind>().Length, result.Value.Value.Channels.Count);
        store.Verify(s => s.SaveAsync("pat-1", It.Is<NotificationPreferences>(p => p.Channels.Count == Enum.GetValues<NoticeKind>().Length), NotificationPreferences.DefaultsETag, It.IsAny<CancellationToken>()));
        Assert.Equal(("profile.write", AuditOutcome.Success), (Assert.Single(audit.Events).Action, audit.Events[0].Outcome));
    }

    [Fact]
    public async Task Without_if_match_it_is_428_and_a_stale_etag_412()
    {
        var useCase = new ChangeNotificationPreferences(store.Object, Access());

        var missing = await useCase.ExecuteAsync(Callers.Person(), "pat-1", null, Change(), default);
        var stale = await useCase.ExecuteAsync(Callers.Person(), "pat-1", "etag-0", Change(), default);

        Assert.Equal((FailureKind.PreconditionRequired, FailureKind.PreconditionFailed), (missing.Failure?.Kind, stale.Failure?.Kind));
        store.Verify(s => s.SaveAsync(It.IsAny<string>(), It.IsAny<NotificationPreferences>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Losing_the_race_to_the_first_save_is_412()
    {
        store.Setup(s => s.SaveAsync("pat-1", It.IsAny<NotificationPreferences>(), NotificationPreferences.DefaultsETag, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException("lost"));

        var result = await new ChangeNotificationPreferences(store.Object, Access()).ExecuteAsync(Callers.Person(), "pat-1", NotificationPreferences.DefaultsETag, Change(), default);

        Assert.Equal(FailureKind.PreconditionFailed, result.Failure?.Kind);
        Assert.Equal(AuditOutcome.Failed, Assert.Single(audit.Events).Outcome);
    }

    [Fact]
    public async Task Security_notices_cannot_be_turned_off_kinds_are_listed_once_and_quiet_hours_are_not_empty()
    {
        KindChannel[] channels =
        [
            new(NoticeKind.SecurityNotice, NoticeChannel.None), new(NoticeKind.NewResult, NoticeChannel.Sms), new(NoticeKind.NewResult, NoticeChannel.Email),
        ];
        var change = Change(channels) with { QuietHoursStart = new TimeOnly(8, 0) };

        var result = await new ChangeNotificationPreferences(store.Object, Access()).ExecuteAsync(Callers.Person(), "pat-1", "*", change, default);

        Assert.Equal(FailureKind.Validation, result.Failure?.Kind);
        Assert.Equal(["channels[0].channel", "channels[2].kind", "quietHoursEnd"], result.Failure!.Errors!.Keys.Order());
    }

    [Fact]
    public async Task A_stranger_gets_404_without_a_read()
    {
        links.Setup(l => l.FindAsync(It.IsAny<string>(), "pat-1", It.IsAny<CancellationToken>())).ReturnsAsync((PatientLink?)null);

        var result = await new GetNotificationPreferences(store.Object, Access()).ExecuteAsync(Callers.Person(), "pat-1", default);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
        store.Verify(s => s.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_unknown_patient_is_404_for_staff()
    {
        var result = await new GetNotificationPreferences(store.Object, Access()).ExecuteAsync(Callers.Staff("FrontDesk"), "pat-2", default);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
    }
}
