using Portal.Core.Notifications;
using Portal.Core.Prescriptions;
using Portal.Core.Record;

namespace Portal.Tests.Prescriptions;

/// <summary>The prescriptions' notices: no drug names in any language, refill-due reminders off until the patient opts in, one id per fill.</summary>
public class PrescriptionNoticeTests
{
    [Theory]
    [InlineData(NoticeKind.RefillStatus)]
    [InlineData(NoticeKind.RefillDue)]
    [InlineData(NoticeKind.ReportedItemReviewed)]
    public void Texts_name_no_drug_and_say_where_to_look(NoticeKind kind)
    {
        foreach (var language in new[] { "en", "es-MX" })
        {
            var text = NoticeTemplates.Render(kind, NoticeDetails.None, language, TimeZoneInfo.Utc, "Main Street Clinic", "https://portal.example.org");
            foreach (var words in new[] { text.Sms, text.EmailSubject, text.EmailBody })
            {
                Assert.DoesNotContain("lisinopril", words, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("{", words, StringComparison.Ordinal);
            }

            Assert.Contains("https://portal.example.org", text.Sms, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refill_due_reminders_are_the_only_kind_off_until_the_patient_opts_in()
    {
        Assert.Equal([NoticeKind.RefillDue], Enum.GetValues<NoticeKind>().Where(k => NotificationPreferences.DefaultChannel(k) == NoticeChannel.None));
        Assert.Equal(NoticeChannel.Sms, NotificationPreferences.DefaultChannel(NoticeKind.RefillStatus));
        var plan = DeliveryPlanner.Plan(NoticeKind.RefillDue, new DeliveryFacts(true, true, false, true, true, TimeZoneInfo.Utc, 0),
            NotificationPreferences.Defaults, new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(NoticeChannel.None, plan.Channel);
    }

    [Fact]
    public void A_fills_reminder_has_one_id_whenever_and_however_often_it_is_written()
    {
        var due = new RefillDue("pat-1", RecordItemIds.New(DateTimeOffset.UtcNow, null), new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 20));
        var first = SweepRefillsDue.Notice(due, new DateTimeOffset(2026, 12, 13, 14, 0, 0, TimeSpan.Zero));
        var again = SweepRefillsDue.Notice(due, new DateTimeOffset(2026, 12, 14, 14, 0, 0, TimeSpan.Zero));
        var nextFill = SweepRefillsDue.Notice(due with { FillDate = new DateOnly(2026, 12, 19), RunOut = new DateOnly(2027, 1, 18) }, first.CreatedAt);

        Assert.Equal(first.NoticeId, again.NoticeId);
        Assert.NotEqual(first.NoticeId, nextFill.NoticeId);
        Assert.Equal((NoticeKind.RefillDue, NoticeDetails.None, $"/medications/{due.MedicationId}"), (first.Kind, first.Details, first.Link));
    }

    [Fact]
    public void Only_an_active_medication_with_a_fill_and_a_supply_has_a_refill_due_row()
    {
        RecordItem Item(MedicationStatus status, int? days, string? lastFill) => new(
            "pat-1", RecordItemIds.New(DateTimeOffset.UtcNow, null), DateTimeOffset.UtcNow, status is MedicationStatus.Active ? RecordStatus.Active : RecordStatus.Inactive, [], false, null, 1,
            DateTimeOffset.UtcNow, "ehr", "EHR", new RecordContent(Medication: new Medication("Lisinopril", [], null, null, "2025-06-02", null, status, 2, days, null, lastFill)), []);

        Assert.Equal(new DateOnly(2026, 12, 20), RefillDue.Of(Item(MedicationStatus.Active, 30, "2026-11-20"))!.RunOut);
        Assert.Null(RefillDue.Of(Item(MedicationStatus.Active, null, "2026-11-20")));
        Assert.Null(RefillDue.Of(Item(MedicationStatus.Stopped, 30, "2026-11-20")));
        Assert.Null(RefillDue.Of(Item(MedicationStatus.OnHold, 30, "2026-11-20")));
    }
}
