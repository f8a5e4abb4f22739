using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Portal.Azure.Notifications;
using Portal.Azure.Prescriptions;
using Portal.Azure.Record;
using Portal.Azure.Tables;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Prescriptions;
using Portal.Core.Record;
using Portal.IntegrationTests.Record;

namespace Portal.IntegrationTests.Prescriptions;

/// <summary>
/// Refill-due reminders from the index by run-out date: once per medication per fill, only for patients who opted in.
/// Each test's fills are years ahead on days of their own, so no other test's sweep reaches its rows.
/// </summary>
public class RefillDueReminderTests
{
    [Fact]
    public async Task Each_fill_is_reminded_once_and_only_to_patients_who_opted_in()
    {
        var services = (await TestPortal.GetAsync()).Services;
        var record = services.GetRequiredService<IHealthRecord>();
        var fill = UniqueDay();
        var runOut = fill.AddDays(30);
        var (optedIn, notYet, stoppedPatient) = (RecordSamples.NewPatient(), RecordSamples.NewPatient(), RecordSamples.NewPatient());
        await OptInAsync(services, optedIn);
        await OptInAsync(services, stoppedPatient);
        var medication = await AddAsync(record, optedIn, fill);
        await AddAsync(record, notYet, fill);
        var stopped = await AddAsync(record, stoppedPatient, fill);
        await EndAsync(record, stopped);

        // Ten days ahead nothing is due; seven days ahead (the clinic's setting) the opted-in patient is reminded once,
        // however many sweeps run and overlap; the patient who did not opt in and the stopped medication are not.
        Assert.Equal(0, (await SweepAt(services, runOut.AddDays(-10)).ExecuteAsync(default)).Sent);
        var sweeps = await Task.WhenAll(SweepAt(services, runOut.AddDays(-7)).ExecuteAsync(default), SweepAt(services, runOut.AddDays(-7)).ExecuteAsync(default));
        Assert.Equal(1, sweeps.Sum(s => s.Sent));
        await SweepAt(services, runOut.AddDays(-6)).ExecuteAsync(default);
        var reminders = await PrescriptionFixtures.NoticesAsync(optedIn, NoticeKind.RefillDue);
        Assert.Equal($"/medications/{medication.ItemId}", Assert.Single(reminders).Link);
        Assert.Empty(await PrescriptionFixtures.NoticesAsync(notYet, NoticeKind.RefillDue));
        Assert.Empty(await PrescriptionFixtures.NoticesAsync(stoppedPatient, NoticeKind.RefillDue));

        // The other patient opts in three days before running out: the row waited for them.
        await OptInAsync(services, notYet);
        Assert.Equal(1, (await SweepAt(services, runOut.AddDays(-3)).ExecuteAsync(default)).Sent);
        Assert.Single(await PrescriptionFixtures.NoticesAsync(notYet, NoticeKind.RefillDue));

        // A new fill is a new reminder, once; the old fill's reminder is not sent again.
        var found = (await record.FindAsync(optedIn, RecordSection.Medications, medication.ItemId, default))!;
        var refilled = found.Value.Revise(found.Value.Content with { Medication = found.Value.Content.Medication! with { LastFillDate = Day(runOut) } },
            null, false, null, DateTimeOffset.UtcNow, "pharmacy", "Pharmacy", "Filled");
        await record.ReplaceAsync(found.Value, found.ETag, refilled, null, default);
        await SweepAt(services, runOut.AddDays(30 - 7)).ExecuteAsync(default);
        await SweepAt(services, runOut.AddDays(30 - 6)).ExecuteAsync(default);
        Assert.Equal(2, (await PrescriptionFixtures.NoticesAsync(optedIn, NoticeKind.RefillDue)).Count);

        // The words name no drug, in English and Spanish.
        foreach (var language in new[] { "en", "es" })
        {
            var text = NoticeTemplates.Render(NoticeKind.RefillDue, reminders[0].Details, language, TimeZoneInfo.Utc, "Clinic", "https://portal.test");
            Assert.DoesNotContain("Lisinopril", text.Sms + text.EmailSubject + text.EmailBody, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_sweep_reads_the_days_of_its_window_and_works_per_due_row_only()
    {
        var services = (await TestPortal.GetAsync()).Services;
        var record = services.GetRequiredService<IHealthRecord>();
        var counter = new Counter();
        var service = new TableServiceClient((await TestAzurite.GetAsync()).ConnectionString, new TableClientOptions().WithPolicy(counter));
        var tables = new PortalTables(service);
        var fill = UniqueDay();
        var runOut = fill.AddDays(30);

        async Task<int> CountSweepAsync()
        {
            var sweep = new SweepRefillsDue(new TableRefillReminders(tables), new TableHealthRecord(tables, new RecordTransactions(tables, TimeProvider.System)),
                new TableNotificationPreferences(tables), Mock.Of<INoticeQueue>(), Calendar(), new Clock(At(runOut.AddDays(-7))), NullLogger<SweepRefillsDue>.Instance);
            counter.Count = 0;
            await sweep.ExecuteAsync(default);
            return counter.Count;
        }

        // Nothing due: one query per day of the window (two days back, today, seven ahead), whatever lies beyond it.
        for (var i = 0; i < 5; i++)
        {
            await AddAsync(record, RecordSamples.NewPatient(), fill.AddDays(40 + i));
        }

        Assert.Equal(10, await CountSweepAsync());

        // Two due fills of opted-in patients: per row, the medication, the preferences, the notice's two rows and the index row's removal.
        foreach (var patientId in new[] { RecordSamples.NewPatient(), RecordSamples.NewPatient() })
        {
            await OptInAsync(services, patientId);
            await AddAsync(record, patientId, fill);
        }

        Assert.Equal(10 + (2 * 5), await CountSweepAsync());
        Assert.Equal(10, await CountSweepAsync());
    }

    private static DateOnly UniqueDay() => new DateOnly(2040, 1, 1).AddDays(Random.Shared.Next(0, 20 * 365));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);

    private static RefillCalendar Calendar() => new(Options.Create(new ClinicOptions()), Options.Create(new PrescriptionOptions()));

    private static SweepRefillsDue SweepAt(IServiceProvider services, DateOnly day) => new(
        services.GetRequiredService<IRefillReminders>(), services.GetRequiredService<IHealthRecord>(), services.GetRequiredService<INotificationPreferences>(),
        services.GetRequiredService<INoticeQueue>(), Calendar(), new Clock(At(day)), NullLogger<SweepRefillsDue>.Instance);

    private static async Task OptInAsync(IServiceProvider services, string patientId)
    {
        var preferences = services.GetRequiredService<INotificationPreferences>();
        var current = await preferences.FindAsync(patientId, default);
        var chosen = NotificationPreferences.Defaults with { Channels = [new KindChannel(NoticeKind.RefillDue, NoticeChannel.Sms)] };
        await preferences.SaveAsync(patientId, chosen.Complete(), current?.ETag ?? NotificationPreferences.DefaultsETag, default);
    }

    private static async Task<RecordItem> AddAsync(IHealthRecord record, string patientId, DateOnly fill)
    {
        var item = RecordSamples.Item(patientId, new RecordContent(Medication: new Medication(
            "Lisinopril 10 MG Oral Tablet", [], "1 tablet daily", "Dr. Maya Patel", "2025-06-02", null, MedicationStatus.Active, 3, 30, null, Day(fill))));
        await record.WriteAsync(RecordSamples.Write(patientId, "due" + Guid.NewGuid().ToString("N")[..12], item), default);
        return item;
    }

    private static async Task EndAsync(IHealthRecord record, RecordItem item)
    {
        var found = (await record.FindAsync(item.PatientId, RecordSection.Medications, item.ItemId, default))!;
        var ended = found.Value.Revise(found.Value.Content with { Medication = found.Value.Content.Medication! with { Status = MedicationStatus.Stopped } },
            null, false, null, DateTimeOffset.UtcNow, "dr", "Dr", "Stopped");
        await record.ReplaceAsync(found.Value, found.ETag, ended, null, default);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Counter : HttpPipelinePolicy
    {
        public int Count;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref Count);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref Count);
            return ProcessNextAsync(message, pipeline);
        }
    }
}

/// <summary>Adds a pipeline policy to table client options.</summary>
internal static class TableClientOptionsPolicies
{
    public static TableClientOptions WithPolicy(this TableClientOptions options, HttpPipelinePolicy policy)
    {
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }
}
