using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Audit;
using Portal.Core.Identity;
using Portal.Core.Journal;
using Portal.Core.SelfCheck;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// Health journals and portal habits that make the demo self-checks differ. Benjamin (hypertension) keeps three weeks
/// of morning blood pressures with a weekly weight, a lisinopril cough, a dizzy spell, sleep and mood, two questions for
/// his next visit, shares last week with the care team as FHIR, confirmed every section lately and signs in with MFA
/// every week or so. Ana signs in now and then without MFA and confirmed only her profile, fourteen months ago. Chloe
/// has done nothing of the kind. Entries and questions go through the real use cases; the past sign-ins and old
/// confirmations are written the way those features keep them (an audit event, a confirmation date).
/// </summary>
internal static class DemoJournal
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, string> created, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (created.TryGetValue("patient-ben", out var ben))
        {
            await BenjaminAsync(services, ben, now, cancellationToken);
        }

        if (created.TryGetValue("patient-ana", out var ana))
        {
            await SignInsAsync(services, ana, "patient-ana", "Ana Diaz", now, [150, 95, 12], mfa: false, cancellationToken);
            await services.GetRequiredService<ISelfCheckRecords>().ConfirmAsync(ana, ConfirmedSection.Profile, now.AddMonths(-14), "patient-ana", cancellationToken);
        }
    }

    private static async Task BenjaminAsync(IServiceProvider services, string patientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caller = new Caller("patient-ben", "Benjamin Okafor", new HashSet<string>(), HasMfa: true);
        var add = services.GetRequiredService<AddJournalEntry>();
        async Task Write(JournalEntryRequest request, string key)
        {
            var written = await add.ExecuteAsync(caller, patientId, request, $"demo-journal-{key}", cancellationToken);
            if (!written.Succeeded)
            {
                throw new InvalidOperationException($"Demo journal entry {key} was refused: {written.Failure.Detail}");
            }
        }

        for (var day = 21; day >= 1; day--)
        {
            var morning = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-day).AddHours(13).AddMinutes(day % 4 * 7);
            var (systolic, diastolic) = (148 - ((21 - day) * 3 / 2) + (day % 3 * 2), 94 - ((21 - day) / 2) + (day % 2));
            await Write(new JournalEntryRequest(JournalKind.Measurement, morning, Tags: ["morning"],
                Measurement: new MeasurementInput(MeasurementType.BloodPressure, systolic, diastolic, 68 + (day % 5))), $"bp-{day}");
            if (day % 7 == 0)
            {
                await Write(new JournalEntryRequest(JournalKind.Measurement, morning.AddMinutes(10),
                    Measurement: new MeasurementInput(MeasurementType.Weight, Value: 94.6m - ((21 - day) / 7 * 0.4m), Unit: "kg")), $"weight-{day}");
            }
        }

        await Write(new JournalEntryRequest(JournalKind.SideEffect, now.AddDays(-16), "Dry tickly cough, worse at night.",
            SideEffect: new SideEffectInput("Dry cough", "Lisinopril 10 mg", 3)), "cough");
        await Write(new JournalEntryRequest(JournalKind.Symptom, now.AddDays(-9).AddHours(-10), "Got up too fast from the couch.", ["dizzy"],
            Symptom: new SymptomDetail("Light-headed when standing", 4, 5)), "dizzy");
        await Write(new JournalEntryRequest(JournalKind.WellBeing, now.AddDays(-3), WellBeing: new WellBeingDetail(7, 6.5m, 35)), "week");
        await Write(new JournalEntryRequest(JournalKind.Note, now.AddDays(-2), "Cut back on salt since the last visit; walking after dinner.", ["diet"]), "salt");

        var ask = services.GetRequiredService<AddQuestion>();
        await ask.ExecuteAsync(caller, patientId, new NewQuestion("Is the cough from the lisinopril, and is there something else I could take?"), "demo-question-cough", cancellationToken);
        await ask.ExecuteAsync(caller, patientId, new NewQuestion("My home readings are lower than at the clinic. Which ones should we go by?"), "demo-question-readings", cancellationToken);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Core.Clinic.ClinicOptions>>().Value.TimeZone);
        var today = Portal.Core.Clinic.ClinicClock.DateOf(zone, now);
        await services.GetRequiredService<ShareJournal>().ExecuteAsync(
            caller, patientId, new ShareRequest(today.AddDays(-7), today.AddDays(-1), ShareFormat.Fhir), "demo-share-last-week", cancellationToken);

        var confirmations = services.GetRequiredService<ISelfCheckRecords>();
        foreach (var section in Enum.GetValues<ConfirmedSection>())
        {
            await confirmations.ConfirmAsync(patientId, section, now.AddDays(-20), "patient-ben", cancellationToken);
        }

        await SignInsAsync(services, patientId, "patient-ben", "Benjamin Okafor", now, [175, 160, 148, 133, 120, 104, 92, 77, 61, 49, 33, 25, 18, 8], mfa: true, cancellationToken);
    }

    /// <summary>Past days the patient used the portal, as the access gate records them (the self-check's fourth and fifth answers read these).</summary>
    private static async Task SignInsAsync(
        IServiceProvider services, string patientId, string subject, string name, DateTimeOffset now, int[] daysAgo, bool mfa, CancellationToken cancellationToken)
    {
        var audit = services.GetRequiredService<IAuditLog>();
        string[] sections = ["record", "results", "threads", "appointments", "journal", "profile", "access-log"];
        foreach (var (ago, index) in daysAgo.Select((d, i) => (d, i)))
        {
            var section = sections[index % sections.Length];
            var action = section switch
            {
                "threads" => "messages.read",
                "access-log" => "accesslog.read",
                "journal" or "record" => "records.read",
                _ => $"{section}.read",
            };
            await audit.AppendAsync(
                new AuditEvent(now.AddDays(-ago), subject, name, "self", null, patientId, action, $"patients/{patientId}/{section}", AuditOutcome.Success, "203.0.113.20", null, mfa),
                cancellationToken);
        }
    }
}
