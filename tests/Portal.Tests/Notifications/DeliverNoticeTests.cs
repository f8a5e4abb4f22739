using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Profile;
using Portal.Tests.Profile;

namespace Portal.Tests.Notifications;

public sealed class DeliverNoticeTests
{
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));
    private readonly InMemoryNotices notices = new();
    private readonly Mock<IProfiles> profiles = new();
    private readonly HashSet<string> optedOut = [];
    private readonly Mock<INotificationPreferences> preferences = new();
    private readonly List<SmsMessage> texts = [];
    private readonly List<EmailMessage> mails = [];
    private readonly List<NoticeReference> queued = [];
    private readonly Inbound.InMemorySmsLanguages languages = new();
    private Func<SmsMessage, SendResult> smsAnswer = _ => SendResult.Accepted("sms-1");

    public DeliverNoticeTests() => Profile(Profiles.Ana());

    private void Profile(PatientProfile profile) =>
        profiles.Setup(p => p.FindAsync("pat-1", It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<PatientProfile>(profile, "p1"));

    private DeliverNotice Dispatcher()
    {
        var sms = new Mock<ISmsSender>();
        sms.Setup(s => s.SendAsync(It.IsAny<SmsMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SmsMessage m, CancellationToken _) => { texts.Add(m); return smsAnswer(m); });
        var email = new Mock<IEmailSender>();
        email.Setup(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((EmailMessage m, CancellationToken _) => { mails.Add(m); return SendResult.Accepted("mail-1"); });
        var stops = new Mock<ISmsOptOuts>();
        stops.Setup(o => o.IsOptedOutAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string phone, CancellationToken _) => optedOut.Contains(phone));
        var clinic = Options.Create(new ClinicOptions { Name = "Riverside Family Clinic", PortalUrl = "https://portal.example" });
        return new DeliverNotice(notices, profiles.Object, stops.Object, languages, preferences.Object, sms.Object, email.Object, clinic, clock, NullLogger<DeliverNotice>.Instance);
    }

    private SweepNotices Sweep()
    {
        var queue = new Mock<INoticeQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<NoticeReference>(), It.IsAny<CancellationToken>()))
            .Callback((NoticeReference r, CancellationToken _) => queued.Add(r)).Returns(Task.CompletedTask);
        return new SweepNotices(notices, queue.Object, clock);
    }

    private async Task<NoticeReference> NewNoticeAsync(NoticeKind kind = NoticeKind.NewMessage)
    {
        var notice = Notice.Create("pat-1", kind, NoticeDetails.None, "/messages/t1", clock.GetUtcNow());
        await notices.CreateAsync(notice, default);
        return notice.Reference;
    }

    [Fact]
    public async Task A_crash_between_commit_and_enqueue_is_delivered_by_the_sweep_exactly_once()
    {
        var notice = await NewNoticeAsync(); // committed; the enqueue never happened

        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(0, await Sweep().ExecuteAsync(default)); // the queue still has its grace period
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(1, await Sweep().ExecuteAsync(default));
        Assert.Equal(0, await Sweep().ExecuteAsync(default)); // leased: not enqueued twice while it waits

        foreach (var reference in queued)
        {
            await Dispatcher().ExecuteAsync(reference, default);
        }

        Assert.Single(texts);
        Assert.Equal(NoticeState.Sent, notices[notice].State);
        Assert.Empty(notices.Pending);
    }

    [Fact]
    public async Task A_duplicate_queue_delivery_sends_one_text()
    {
        var notice = await NewNoticeAsync();

        var first = await Dispatcher().ExecuteAsync(notice, default);
        var second = await Dispatcher().ExecuteAsync(notice, default);

        Assert.Equal(NoticeState.Sent, first);
        Assert.Equal(NoticeState.Sent, second);
        var text = Assert.Single(texts);
        Assert.Equal("+15555550101", text.To);
        Assert.Equal($"pat-1|{notice.NoticeId}|sms", text.DeliveryKey);
        Assert.Equal("Riverside Family Clinic: You have a new message from your care team. Sign in to see it: https://portal.example", text.Text);
    }

    [Fact]
    public async Task A_provider_that_says_try_later_gets_the_same_key_and_first_attempt_time_when_due_again()
    {
        var notice = await NewNoticeAsync();
        smsAnswer = _ => SendResult.TryLater("HTTP 429");

        Assert.Equal(NoticeState.Pending, await Dispatcher().ExecuteAsync(notice, default));
        Assert.Equal(clock.Now + DeliverNotice.RetryAfter, notices.Pending[notice]);
        Assert.Equal(NoticeState.Pending, await Dispatcher().ExecuteAsync(notice, default)); // not due yet: nothing sent
        Assert.Single(texts);

        smsAnswer = _ => SendResult.Accepted("sms-2");
        var firstAttempt = clock.Now;
        clock.Now += DeliverNotice.RetryAfter;
        Assert.Equal(NoticeState.Sent, await Dispatcher().ExecuteAsync(notice, default));

        Assert.Equal(2, texts.Count);
        Assert.Equal(texts[0].DeliveryKey, texts[1].DeliveryKey);
        Assert.All(texts, t => Assert.Equal(firstAttempt, t.FirstAttemptAt));
    }

    [Fact]
    public async Task A_text_refused_for_good_falls_back_to_email()
    {
        var notice = await NewNoticeAsync();
        smsAnswer = _ => SendResult.Rejected("HTTP 400: Invalid To phone number format.");

        Assert.Equal(NoticeState.Sent, await Dispatcher().ExecuteAsync(notice, default));

        var mail = Assert.Single(mails);
        Assert.Equal("ana@example.org", mail.To);
        Assert.Equal("Riverside Family Clinic: You have a new message", mail.Subject);
        Assert.Equal("email", notices[notice].Channel);
    }

    [Fact]
    public async Task A_number_that_replied_stop_gets_no_text_and_the_notice_goes_by_email()
    {
        optedOut.Add("+15555550101");
        var notice = await NewNoticeAsync();

        await Dispatcher().ExecuteAsync(notice, default);

        Assert.Empty(texts);
        Assert.Single(mails);
    }

    [Fact]
    public async Task Without_any_allowed_channel_the_notice_fails_with_the_reasons()
    {
        Profile(Profiles.Ana() with { SmsConsent = false, Email = null });
        var notice = await NewNoticeAsync();

        Assert.Equal(NoticeState.Failed, await Dispatcher().ExecuteAsync(notice, default));

        Assert.Equal("Not sent: Unreachable.", notices[notice].Reason);
        Assert.Empty(notices.Pending);
    }

    [Fact]
    public async Task An_index_row_whose_chart_row_never_landed_is_dropped()
    {
        var orphan = new NoticeReference("pat-1", "missing");
        await notices.DueAgainAsync(orphan, clock.Now, default);

        Assert.Null(await Dispatcher().ExecuteAsync(orphan, default));

        Assert.Empty(notices.Pending);
        Assert.Empty(texts);
    }

    [Fact]
    public async Task Spanish_speakers_get_spanish()
    {
        Profile(Profiles.Ana() with { PreferredLanguage = "es-MX" });
        var notice = await NewNoticeAsync(NoticeKind.NewResult);

        await Dispatcher().ExecuteAsync(notice, default);

        Assert.StartsWith("Riverside Family Clinic: Tiene un resultado", Assert.Single(texts).Text);
        Assert.Equal("es", languages.Numbers["+15555550101"]); // what the number texts back is answered in Spanish
    }

    [Fact]
    public async Task A_notice_in_the_patients_quiet_hours_waits_for_their_end_and_then_goes()
    {
        clock.Now = new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero); // 22:00 in Chicago
        var notice = await NewNoticeAsync();

        Assert.Equal(NoticeState.Pending, await Dispatcher().ExecuteAsync(notice, default));
        var morning = new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero); // 08:00 in Chicago
        Assert.Equal(morning, notices.Pending[notice]);
        Assert.Empty(texts);

        clock.Now = morning;
        Assert.Equal(NoticeState.Sent, await Dispatcher().ExecuteAsync(notice, default));
        Assert.Single(texts);
    }

    [Fact]
    public async Task A_security_notice_goes_at_once_even_in_quiet_hours()
    {
        clock.Now = new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);
        var notice = await NewNoticeAsync(NoticeKind.SecurityNotice);

        Assert.Equal(NoticeState.Sent, await Dispatcher().ExecuteAsync(notice, default));
    }
}
