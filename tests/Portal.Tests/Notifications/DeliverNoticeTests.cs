using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Portal.Core.Access;
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
    private readonly Mock<IPatientLinks> links = new();
    private readonly Dictionary<string, NoticeContact> contacts = [];
    private readonly List<PatientLink> grants = [];
    private readonly List<SmsMessage> texts = [];
    private readonly List<EmailMessage> mails = [];
    private readonly List<NoticeReference> queued = [];
    private readonly Inbound.InMemorySmsLanguages languages = new();
    private Func<SmsMessage, SendResult> smsAnswer = _ => SendResult.Accepted("sms-1");

    public DeliverNoticeTests()
    {
        Profile(Profiles.Ana());
        links.Setup(l => l.CaregiversAsync("pat-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => grants);
        links.Setup(l => l.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    private void Profile(PatientProfile profile, string patientId = "pat-1") =>
        profiles.Setup(p => p.FindAsync(patientId, It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<PatientProfile>(profile, "p1"));

    private void Preferences(NotificationPreferences chosen) =>
        preferences.Setup(p => p.FindAsync("pat-1", It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<NotificationPreferences>(chosen, "n1"));

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
        var ownContacts = new Mock<INoticeContacts>();
        ownContacts.Setup(c => c.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string subject, CancellationToken _) => contacts.TryGetValue(subject, out var contact) ? new Versioned<NoticeContact>(contact, "c1") : null);
        var clinic = Options.Create(new ClinicOptions { Name = "Riverside Family Clinic", PortalUrl = "https://portal.example" });
        return new DeliverNotice(
            notices, new NoticeRecipients(profiles.Object, preferences.Object, ownContacts.Object, links.Object, clinic), new CaregiverNotices(links.Object),
            stops.Object, languages, sms.Object, email.Object, Queue(), clinic, clock, NullLogger<DeliverNotice>.Instance);
    }

    private INoticeQueue Queue()
    {
        var queue = new Mock<INoticeQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<NoticeReference>(), It.IsAny<CancellationToken>()))
            .Callback((NoticeReference r, CancellationToken _) => queued.Add(r)).Returns(Task.CompletedTask);
        return queue.Object;
    }

    private SweepNotices Sweep() => new(notices, Queue(), clock);

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

    private PatientLink Grant(string subject, params string[] scopes) =>
        new(subject, "pat-1", LinkKind.Proxy, "Ana Diaz", scopes, clock.Now.AddDays(30), null, $"grant-{subject}", "spouse");

    private async Task DispatchAllAsync()
    {
        for (var round = 0; round < 3; round++)
        {
            foreach (var reference in notices.Pending.Keys.ToList()) // as the queue would: the dispatcher decides what is due
            {
                await Dispatcher().ExecuteAsync(reference, default);
            }
        }
    }

    [Fact]
    public async Task A_caregiver_whose_grant_covers_the_notice_is_told_on_their_own_number_without_the_patients_name()
    {
        grants.AddRange([Grant("luis", "messages.read"), Grant("rosa", "results.read"), Grant("old", "messages.write") with { RevokedAt = clock.Now.AddDays(-1) }]);
        contacts["luis"] = new NoticeContact("+15555550177", null, SmsConsent: true, EmailConsent: false, "es-US", "America/Chicago");
        var notice = await NewNoticeAsync();

        await Dispatcher().ExecuteAsync(notice, default);
        var copy = Assert.Single(queued);
        Assert.Equal(NoticeState.Sent, await Dispatcher().ExecuteAsync(copy, default));
        Assert.Equal(NoticeState.Sent, await Dispatcher().ExecuteAsync(notice, default)); // a duplicate: no second copy
        Assert.Single(queued);

        Assert.Equal(["+15555550101", "+15555550177"], texts.Select(t => t.To));
        Assert.Equal("Riverside Family Clinic: Una persona a su cuidado tiene un mensaje nuevo del equipo de atención en el portal del paciente. Inicie sesión para verlo: https://portal.example", texts[1].Text);
        Assert.DoesNotContain("Ana", texts[1].Text);
        Assert.Equal(("luis", "spouse"), (notices[copy].Caregiver, notices[copy].CaregiverRelationship));
        Assert.Equal("es", languages.Numbers["+15555550177"]);
    }

    [Fact]
    public async Task Security_notices_go_to_the_patient_only_and_a_caregiver_without_contact_details_is_recorded_as_not_told()
    {
        grants.Add(Grant("luis", "profile.write", "messages.read"));
        var security = await NewNoticeAsync(NoticeKind.SecurityNotice);
        await Dispatcher().ExecuteAsync(security, default);
        Assert.Empty(queued);

        var message = await NewNoticeAsync();
        await Dispatcher().ExecuteAsync(message, default);
        Assert.Equal(NoticeState.Failed, await Dispatcher().ExecuteAsync(Assert.Single(queued), default));
        Assert.Equal("The caregiver has no contact details in the portal.", notices[queued[0]].Reason);
    }

    [Fact]
    public async Task A_caregiver_who_is_a_patient_here_too_is_told_on_their_own_profile()
    {
        grants.Add(Grant("luis", "results.read"));
        links.Setup(l => l.ListAsync("luis", It.IsAny<CancellationToken>())).ReturnsAsync([new PatientLink("luis", "pat-2", LinkKind.Self, "Luis Diaz", [])]);
        Profile(Profiles.Ana() with { PatientId = "pat-2", Phone = "+15555550188", Email = "luis@example.org", PreferredLanguage = "en-US" }, "pat-2");
        var notice = await NewNoticeAsync(NoticeKind.NewResult);

        await DispatchAllAsync();

        Assert.Equal(["+15555550101", "+15555550188"], texts.Select(t => t.To).Order());
        Assert.Contains(texts, t => t.Text == "Riverside Family Clinic: Someone you care for has a new test result in the patient portal. Sign in to see it: https://portal.example");
    }

    [Fact]
    public async Task Low_urgency_notices_with_the_digest_on_go_as_one_message_at_the_digest_hour()
    {
        Preferences(NotificationPreferences.Defaults with { DailyDigest = true });
        var kinds = new[] { NoticeKind.NewDocument, NoticeKind.StatementReady, NoticeKind.NewDocument };
        var references = new List<NoticeReference>();
        foreach (var kind in kinds)
        {
            references.Add(await NewNoticeAsync(kind));
            clock.Now += TimeSpan.FromMinutes(10);
            await Dispatcher().ExecuteAsync(references[^1], default);
        }

        Assert.Empty(mails);
        var digest = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero); // 18:00 in Chicago
        Assert.All(references, r => Assert.Equal((digest, true), (notices[r].NotBefore!.Value, notices[r].Digest)));

        // Thirty seconds late, the newest first: the oldest leads, and nothing waits for tomorrow.
        clock.Now = digest.AddSeconds(30);
        foreach (var reference in Enumerable.Reverse(references))
        {
            await Dispatcher().ExecuteAsync(reference, default);
        }

        await DispatchAllAsync();
        var mail = Assert.Single(mails);
        Assert.Equal("Riverside Family Clinic: 3 updates in your patient portal", mail.Subject);
        Assert.StartsWith("You have 3 updates in the patient portal: a new document; a new statement.", mail.PlainText, StringComparison.Ordinal);
        Assert.All(references, r => Assert.Equal(NoticeState.Sent, notices[r].State));
        Assert.Equal([references[1].NoticeId, references[2].NoticeId], notices[references[0]].Bundle);
        Assert.Empty(notices.Pending);
    }

    [Fact]
    public async Task A_digest_deferred_by_quiet_hours_releases_its_notices_and_they_go_together_when_the_hours_end()
    {
        Preferences(NotificationPreferences.Defaults with { DailyDigest = true, QuietHoursStart = new TimeOnly(17, 0), QuietHoursEnd = new TimeOnly(9, 0) });
        var first = await NewNoticeAsync(NoticeKind.NewDocument);
        var second = await NewNoticeAsync(NoticeKind.AmendmentAccepted);
        await DispatchAllAsync();
        clock.Now += TimeSpan.FromMinutes(3);
        await DispatchAllAsync();
        var morning = new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero); // 09:00 in Chicago: the 18:00 digest falls in quiet hours
        Assert.Equal(morning, notices[first].NotBefore);

        clock.Now = morning;
        await DispatchAllAsync();

        var mail = Assert.Single(mails);
        Assert.Contains("2 updates", mail.Subject);
        Assert.Equal(NoticeState.Sent, notices[second].State);
    }
}
