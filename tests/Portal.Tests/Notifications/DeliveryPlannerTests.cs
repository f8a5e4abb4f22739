using Portal.Core.Notifications;

namespace Portal.Tests.Notifications;

public class DeliveryPlannerTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly NotificationPreferences Defaults = NotificationPreferences.Defaults;

    private static DeliveryFacts Facts(bool phone = true, bool smsConsent = true, bool stop = false, bool email = true, bool emailConsent = true, int sent = 0) =>
        new(phone, smsConsent, stop, email, emailConsent, Chicago, sent);

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static NotificationPreferences With(NoticeKind kind, NoticeChannel channel) =>
        Defaults with { Channels = [new KindChannel(kind, channel)] };

    // Noon in Chicago on an ordinary day: 2026-06-10 17:00Z (CDT, UTC-5).
    private static readonly DateTimeOffset Noon = Utc("2026-06-10T17:00:00");

    public static TheoryData<string, NoticeKind, DeliveryFacts, NotificationPreferences, NoticeChannel, NoticeChannel, ChannelReason> Channels() => new()
    {
        { "SMS as chosen, e-mail behind it", NoticeKind.NewMessage, Facts(), Defaults, NoticeChannel.Sms, NoticeChannel.Email, ChannelReason.AsChosen },
        { "e-mail by default for statements, SMS behind it", NoticeKind.StatementReady, Facts(), Defaults, NoticeChannel.Email, NoticeChannel.Sms, ChannelReason.AsChosen },
        { "no phone: e-mail", NoticeKind.AppointmentReminder, Facts(phone: false), Defaults, NoticeChannel.Email, NoticeChannel.None, ChannelReason.SmsNotAllowed },
        { "no SMS consent: e-mail", NoticeKind.AppointmentReminder, Facts(smsConsent: false), Defaults, NoticeChannel.Email, NoticeChannel.None, ChannelReason.SmsNotAllowed },
        { "STOP: e-mail", NoticeKind.NewResult, Facts(stop: true), Defaults, NoticeChannel.Email, NoticeChannel.None, ChannelReason.SmsNotAllowed },
        { "STOP, no e-mail consent: nothing", NoticeKind.NewResult, Facts(stop: true, emailConsent: false), Defaults, NoticeChannel.None, NoticeChannel.None, ChannelReason.Unreachable },
        { "e-mail chosen without an address: SMS", NoticeKind.NewDocument, Facts(email: false), Defaults, NoticeChannel.Sms, NoticeChannel.None, ChannelReason.EmailNotAllowed },
        { "turned off", NoticeKind.NewDocument, Facts(), With(NoticeKind.NewDocument, NoticeChannel.None), NoticeChannel.None, NoticeChannel.None, ChannelReason.TurnedOff },
        { "security notice stored as None still goes", NoticeKind.SecurityNotice, Facts(), With(NoticeKind.SecurityNotice, NoticeChannel.None), NoticeChannel.Sms, NoticeChannel.Email, ChannelReason.AsChosen },
        { "security notice by e-mail when chosen", NoticeKind.SecurityNotice, Facts(), With(NoticeKind.SecurityNotice, NoticeChannel.Email), NoticeChannel.Email, NoticeChannel.Sms, ChannelReason.AsChosen },
    };

    [Theory]
    [MemberData(nameof(Channels))]
    public void The_channel_follows_choice_consent_and_stop(
        string why, NoticeKind kind, DeliveryFacts facts, NotificationPreferences preferences, NoticeChannel channel, NoticeChannel fallback, ChannelReason reason)
    {
        var plan = DeliveryPlanner.Plan(kind, facts, preferences, Noon);

        Assert.True((channel, fallback, reason) == (plan.Channel, plan.Fallback, plan.ChannelReason), $"{why}: {plan}");
        Assert.Null(plan.NotBefore);
    }

    public static TheoryData<string, NoticeKind, string, int, bool, string?, WaitReason> Times() => new()
    {
        // Ordinary day (CDT, UTC-5).
        { "noon goes now", NoticeKind.NewResult, "2026-06-10T17:00:00", 0, false, null, WaitReason.None },
        { "22:00 waits for 08:00 next morning", NoticeKind.NewResult, "2026-06-11T03:00:00", 0, false, "2026-06-11T13:00:00", WaitReason.QuietHours },
        { "07:59 waits a minute", NoticeKind.NewResult, "2026-06-10T12:59:00", 0, false, "2026-06-10T13:00:00", WaitReason.QuietHours },
        { "08:00 sharp goes", NoticeKind.NewResult, "2026-06-10T13:00:00", 0, false, null, WaitReason.None },
        { "21:00 sharp waits", NoticeKind.NewResult, "2026-06-11T02:00:00", 0, false, "2026-06-11T13:00:00", WaitReason.QuietHours },
        { "security notice at 02:00 goes at once", NoticeKind.SecurityNotice, "2026-06-10T07:00:00", 50, true, null, WaitReason.None },
        { "digest: a document at noon waits for 18:00", NoticeKind.NewDocument, "2026-06-10T17:00:00", 0, true, "2026-06-10T23:00:00", WaitReason.DailyDigest },
        { "digest: a document at 19:00 waits for tomorrow's", NoticeKind.NewDocument, "2026-06-11T00:00:00", 0, true, "2026-06-11T23:00:00", WaitReason.DailyDigest },
        { "digest on, but a result is not low-urgency", NoticeKind.NewResult, "2026-06-10T17:00:00", 0, true, null, WaitReason.None },
        { "digest off: a document goes now", NoticeKind.NewDocument, "2026-06-10T17:00:00", 0, false, null, WaitReason.None },
        { "tenth notice in 24 h waits for the digest", NoticeKind.NewMessage, "2026-06-10T17:00:00", 10, false, "2026-06-10T23:00:00", WaitReason.DailyLimit },
        { "ninth goes", NoticeKind.NewMessage, "2026-06-10T17:00:00", 9, false, null, WaitReason.None },
        { "over the limit at 20:00: tomorrow's digest", NoticeKind.NewMessage, "2026-06-11T01:00:00", 12, false, "2026-06-11T23:00:00", WaitReason.DailyLimit },

        // Fall back, Sunday 2026-11-01 02:00 CDT → 01:00 CST: 08:00 that day is CST (UTC-6) = 14:00Z.
        { "23:00 CDT the night before waits 10 h, to 08:00 CST", NoticeKind.NewResult, "2026-11-01T04:00:00", 0, false, "2026-11-01T14:00:00", WaitReason.QuietHours },
        { "01:30 CDT, first pass of the repeated hour", NoticeKind.NewResult, "2026-11-01T06:30:00", 0, false, "2026-11-01T14:00:00", WaitReason.QuietHours },
        { "01:30 CST, second pass of the repeated hour", NoticeKind.NewResult, "2026-11-01T07:30:00", 0, false, "2026-11-01T14:00:00", WaitReason.QuietHours },
        { "08:00 CST on the day of change goes", NoticeKind.NewResult, "2026-11-01T14:00:00", 0, false, null, WaitReason.None },
        { "07:30 CST on the day of change waits half an hour", NoticeKind.NewResult, "2026-11-01T13:30:00", 0, false, "2026-11-01T14:00:00", WaitReason.QuietHours },

        // Spring forward, Sunday 2026-03-08 02:00 CST → 03:00 CDT: 08:00 that day is CDT (UTC-5) = 13:00Z.
        { "23:00 CST the night before waits 8 h, to 08:00 CDT", NoticeKind.NewResult, "2026-03-08T05:00:00", 0, false, "2026-03-08T13:00:00", WaitReason.QuietHours },
        { "01:59 CST, just before the jump", NoticeKind.NewResult, "2026-03-08T07:59:00", 0, false, "2026-03-08T13:00:00", WaitReason.QuietHours },
        { "03:00 CDT, just after the jump", NoticeKind.NewResult, "2026-03-08T08:00:00", 0, false, "2026-03-08T13:00:00", WaitReason.QuietHours },
        { "08:00 CDT on the day of change goes", NoticeKind.NewResult, "2026-03-08T13:00:00", 0, false, null, WaitReason.None },
        { "the evening after the change waits for 08:00 CDT", NoticeKind.NewResult, "2026-03-09T03:00:00", 0, false, "2026-03-09T13:00:00", WaitReason.QuietHours },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void The_time_follows_quiet_hours_digest_and_limit_in_the_patients_zone(
        string why, NoticeKind kind, string now, int sent, bool digest, string? notBefore, WaitReason wait)
    {
        var plan = DeliveryPlanner.Plan(kind, Facts(sent: sent), Defaults with { DailyDigest = digest }, Utc(now));

        Assert.True((notBefore is null ? (DateTimeOffset?)null : Utc(notBefore), wait) == (plan.NotBefore, plan.WaitReason), $"{why}: {plan}");
        Assert.Equal(notBefore is null, plan.SendsNow);
    }

    [Fact]
    public void Quiet_hours_that_end_in_the_skipped_hour_end_at_the_jump()
    {
        var preferences = Defaults with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(2, 30) };

        // 01:45 CST on 2026-03-08; 02:30 does not exist that night, the clocks read 03:00 CDT at 08:00Z.
        var plan = DeliveryPlanner.Plan(NoticeKind.NewMessage, Facts(), preferences, Utc("2026-03-08T07:45:00"));

        Assert.Equal(Utc("2026-03-08T08:00:00"), plan.NotBefore);
    }

    [Theory]
    [InlineData("2026-11-01T06:10:00", "2026-11-01T06:30:00")] // 01:10 CDT → the first 01:30 (CDT)
    [InlineData("2026-11-01T07:10:00", "2026-11-01T07:30:00")] // 01:10 CST → the second 01:30 (CST), the first one is past
    public void Quiet_hours_that_end_in_the_repeated_hour_end_at_the_next_occurrence(string now, string end)
    {
        var preferences = Defaults with { QuietHoursStart = new TimeOnly(22, 0), QuietHoursEnd = new TimeOnly(1, 30) };

        var plan = DeliveryPlanner.Plan(NoticeKind.NewMessage, Facts(), preferences, Utc(now));

        Assert.Equal(Utc(end), plan.NotBefore);
    }

    [Fact]
    public void A_daytime_window_does_not_span_midnight()
    {
        var preferences = Defaults with { QuietHoursStart = new TimeOnly(9, 0), QuietHoursEnd = new TimeOnly(17, 0) };

        Assert.Equal(Utc("2026-06-10T22:00:00"), DeliveryPlanner.Plan(NoticeKind.NewMessage, Facts(), preferences, Noon).NotBefore);
        Assert.Null(DeliveryPlanner.Plan(NoticeKind.NewMessage, Facts(), preferences, Utc("2026-06-11T03:00:00")).NotBefore);
    }

    [Fact]
    public void A_digest_inside_the_quiet_hours_goes_when_they_end()
    {
        var preferences = Defaults with { QuietHoursStart = new TimeOnly(17, 0), DailyDigest = true };

        var plan = DeliveryPlanner.Plan(NoticeKind.StatementReady, Facts(), preferences, Noon);

        Assert.Equal((Utc("2026-06-11T13:00:00"), WaitReason.DailyDigest), (plan.NotBefore!.Value, plan.WaitReason));
    }

    [Fact]
    public void Nothing_that_is_sent_is_dropped_only_delayed()
    {
        // Refill-due reminders are off until the patient opts in (PrescriptionNoticeTests); every other kind goes by default.
        foreach (var kind in Enum.GetValues<NoticeKind>().Where(k => NotificationPreferences.DefaultChannel(k) != NoticeChannel.None))
        {
            for (var hour = 0; hour < 48; hour++)
            {
                var plan = DeliveryPlanner.Plan(kind, Facts(sent: 20), Defaults with { DailyDigest = true }, Noon.AddHours(hour));
                Assert.NotEqual(NoticeChannel.None, plan.Channel);
                Assert.True(plan.NotBefore is null || plan.NotBefore < Noon.AddHours(hour + 25), $"{kind} at +{hour} h: {plan}");
            }
        }
    }
}
