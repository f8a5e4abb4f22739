using Portal.Core.Notifications;

namespace Portal.Tests.Notifications;

public sealed class NoticeTemplatesTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private const string Clinic = "Riverside Family Clinic", Portal = "https://portal.riverside.example";

    public static TheoryData<NoticeKind> Kinds => [.. NoticeTemplates.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_worded_in_english_and_spanish_with_the_clinic_and_the_link(NoticeKind kind)
    {
        var details = new NoticeDetails(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));
        var english = NoticeTemplates.Render(kind, details, "en-US", Chicago, Clinic, Portal);
        var spanish = NoticeTemplates.Render(kind, details, "es-MX", Chicago, Clinic, Portal);

        foreach (var text in new[] { english, spanish })
        {
            Assert.StartsWith($"{Clinic}: ", text.Sms);
            // A reminder ends with what the patient may text back (C or X); every other notice ends with the link.
            Assert.EndsWith(kind == NoticeKind.AppointmentReminder ? Portal + (text == english ? " Reply C to confirm or X to cancel." : " Responda C para confirmar o X para cancelar.") : Portal, text.Sms);
            Assert.True(text.Sms.Length <= 320, $"{kind}: {text.Sms.Length} characters is more than two text messages");
            Assert.Contains(Portal, text.EmailBody);
            Assert.DoesNotContain("{", text.Sms + text.EmailSubject + text.EmailBody);
        }

        Assert.NotEqual(english.Sms, spanish.Sms);
    }

    [Fact]
    public void A_template_can_carry_nothing_but_a_time()
    {
        // The only way a feature passes anything to a template. A string (or any other type) here could carry
        // a test name, a value, a diagnosis, a drug or a message body into an SMS.
        Assert.All(typeof(NoticeDetails).GetProperties(), p => Assert.Equal(typeof(DateTimeOffset?), p.PropertyType));
        Assert.Equal(
            ["kind", "details", "language", "timeZone", "clinicName", "portalUrl"],
            typeof(NoticeTemplates).GetMethod(nameof(NoticeTemplates.Render))!.GetParameters().Select(p => p.Name));
        Assert.Equal(
            ["kinds", "forCaregiver", "language", "clinicName", "portalUrl"],
            typeof(NoticeSummaries).GetMethod(nameof(NoticeSummaries.Render))!.GetParameters().Select(p => p.Name));
    }

    [Theory]
    [InlineData("2026-10-30T14:00:00Z", "Friday, October 30 at 9:00 AM")] // CDT, before the change on November 1
    [InlineData("2026-11-02T15:00:00Z", "Monday, November 2 at 9:00 AM")] // CST, after it
    public void A_reminder_shows_the_local_wall_clock_on_both_sides_of_a_dst_change(string utc, string local)
    {
        var text = NoticeTemplates.Render(NoticeKind.AppointmentReminder, new NoticeDetails(DateTimeOffset.Parse(utc)), null, Chicago, Clinic, Portal);

        Assert.Equal($"{Clinic}: Reminder: you have an appointment on {local}. Sign in to see it: {Portal} Reply C to confirm or X to cancel.", text.Sms);
    }

    [Fact]
    public void Without_a_portal_address_the_text_says_where_to_look_without_a_link()
    {
        var text = NoticeTemplates.Render(NoticeKind.NewMessage, NoticeDetails.None, null, Chicago, Clinic, "");

        Assert.Equal($"{Clinic}: You have a new message from your care team. Sign in to the patient portal to see it.", text.Sms);
    }

    [Fact]
    public void Spanish_names_the_day_in_spanish_and_unknown_languages_get_english()
    {
        var when = new NoticeDetails(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));

        Assert.Contains("jueves 3 de diciembre", NoticeTemplates.Render(NoticeKind.AppointmentBooked, when, "es", Chicago, Clinic, Portal).Sms);
        Assert.Contains("is booked", NoticeTemplates.Render(NoticeKind.AppointmentBooked, when, "vi-VN", Chicago, Clinic, Portal).Sms);
    }

    [Fact]
    public void Every_kind_has_a_short_phrase_for_digests_and_caregivers_in_both_languages()
    {
        Assert.Equal(NoticeTemplates.Kinds.Order(), NoticeSummaries.Kinds.Order());
        foreach (var kind in NoticeSummaries.Kinds)
        {
            foreach (var language in new[] { "en", "es" })
            {
                var text = NoticeSummaries.Render([kind], forCaregiver: true, language, Clinic, Portal);
                Assert.EndsWith(Portal, text.Sms, StringComparison.Ordinal);
                Assert.True(text.Sms.Length <= NoticeSummaries.MaxSmsLength);
            }
        }
    }

    [Fact]
    public void A_digest_of_every_kind_says_how_many_and_leaves_the_list_out_when_it_would_not_fit_two_texts()
    {
        var all = NoticeSummaries.Render(NoticeSummaries.Kinds, forCaregiver: false, "es", Clinic, Portal);
        var two = NoticeSummaries.Render([NoticeKind.NewDocument, NoticeKind.StatementReady], forCaregiver: false, null, Clinic, "");

        Assert.Equal($"{Clinic}: Tiene {NoticeSummaries.Kinds.Count} novedades en el portal del paciente. Inicie sesión para verlas: {Portal}", all.Sms);
        Assert.Equal($"{Clinic}: You have 2 updates in the patient portal: a new document; a new statement. Sign in to the patient portal to see them.", two.Sms);
    }
}
