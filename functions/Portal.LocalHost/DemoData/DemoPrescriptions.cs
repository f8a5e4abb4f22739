using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Identity;
using Portal.Core.Prescriptions;
using Portal.Core.Record;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// Prescriptions through the real use cases, as the people who would do it: Benjamin asks for refills at his pharmacy
/// (amlodipine, approved by Dr. Okonkwo with a new 90-day supply; atorvastatin, still open in the refill queue), and Ana
/// tells the clinic about the vitamin D she buys and a latex allergy, both awaiting a clinician's reconciliation. The
/// medications and their refill states (refills left, controlled, none left, ended) come from <see cref="DemoRecord"/>.
/// </summary>
internal static class DemoPrescriptions
{
    private static readonly PharmacyDetails BensPharmacy = new("Walgreens #3127", "757 N Michigan Ave, Chicago, IL 60611", "+1 312-664-8686", "1434451");

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, string> createdPatients, CancellationToken cancellationToken)
    {
        if (createdPatients.TryGetValue("patient-ben", out var ben))
        {
            var patient = Patient("patient-ben");
            var ask = services.GetRequiredService<RequestRefill>();
            var medications = await MedicationsAsync(services, ben, cancellationToken);
            var amlodipine = (await ask.ExecuteAsync(patient, ben, new NewRefillRequest([medications["Amlodipine"]], Pharmacy: BensPharmacy, Note: "Down to my last few tablets."), null, cancellationToken)).Value!;
            var decide = services.GetRequiredService<DecideRefill>();
            var okonkwo = Staff("dr-okonkwo");
            var reviewed = (await decide.ReviewAsync(okonkwo, ben, amlodipine.Value.RequestId, amlodipine.ETag, new RefillReview(), cancellationToken)).Value!;
            await decide.ApproveAsync(okonkwo, ben, amlodipine.Value.RequestId, reviewed.ETag,
                new RefillApproval([new ApprovedMedication(medications["Amlodipine"], 3, new RecordQuantity(90, "tablets"), 90)], "Sent to Walgreens on Michigan Ave for 90 days."),
                cancellationToken);
            var pharmacyId = BensPharmacy.ToPharmacy().PharmacyId;
            await ask.ExecuteAsync(patient, ben, new NewRefillRequest([medications["Atorvastatin"]], pharmacyId, Note: "Same pharmacy, please."), null, cancellationToken);
        }

        if (createdPatients.TryGetValue("patient-ana", out var ana))
        {
            var report = services.GetRequiredService<ReportItem>();
            await report.MedicationAsync(Patient("patient-ana"), ana,
                new NewReportedMedication("Vitamin D3 25 MCG (1000 IU) Oral Tablet", ReportedSource.OverTheCounter, "1 tablet by mouth daily in winter", Start: "2025-11"), null, cancellationToken);
            await report.AllergyAsync(Patient("patient-ana"), ana,
                new NewReportedAllergy("Latex", ["Itchy rash where gloves touched"], AllergyCategory.Environment, AllergySeverity.Mild, "2024"), null, cancellationToken);
        }
    }

    /// <summary>The active medications by the first word of their name.</summary>
    private static async Task<Dictionary<string, string>> MedicationsAsync(IServiceProvider services, string patientId, CancellationToken cancellationToken)
    {
        var page = await services.GetRequiredService<IHealthRecord>().ReadSectionAsync(
            patientId, new RecordQuery(RecordSection.Medications, RecordStatusFilter.Active, true), 100, null, cancellationToken);
        return page.Items.ToDictionary(i => i.Content.Medication!.Name.Split(' ')[0], i => i.ItemId);
    }

    private static Caller Patient(string subject)
    {
        var person = DemoPeople.Patients.Single(p => p.Subject == subject);
        return new Caller(person.Subject, $"{person.GivenName} {person.FamilyName}", new HashSet<string> { "Patient" }, HasMfa: true);
    }

    private static Caller Staff(string subject)
    {
        var person = DemoPeople.Staff.Single(p => p.Subject == subject);
        return new Caller(person.Subject, person.Name, person.Roles.ToHashSet(), HasMfa: true);
    }
}
