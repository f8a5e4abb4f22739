using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Notifications;
using Portal.Core.Record;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Record;

namespace Portal.IntegrationTests.Prescriptions;

/// <summary>A patient's medications in varied refill states, written through the record store the way an EHR push writes them.</summary>
internal static class PrescriptionFixtures
{
    public sealed record Medications(string Lisinopril, string Metformin, string Oxycodone, string NoRefills, string Stopped, string Confidential);

    public static readonly object NewPharmacy = new { name = "Walgreens #4512", address = "1200 N State St, Chicago, IL 60610", phone = "+1 312-555-0142", ncpdpId = "1456789" };

    /// <summary>Lisinopril and metformin (refillable), oxycodone (controlled), amlodipine (no refills left), atorvastatin (stopped), sertraline (confidential).</summary>
    public static async Task<Medications> SeedAsync(IServiceProvider services, string patientId, string lastFill = "2026-11-20")
    {
        RecordItem Item(string name, string rxNorm, int? refills, bool controlled = false, MedicationStatus status = MedicationStatus.Active, bool confidential = false) =>
            RecordSamples.Item(patientId, new RecordContent(Medication: new Medication(
                name, [new RecordCode(CodeSystems.RxNorm, rxNorm)], "1 tablet by mouth daily", "Dr. Maya Patel", "2025-06-02", status is MedicationStatus.Stopped ? "2026-01-10" : null, status,
                refills, 30, new RecordQuantity(30, "tablets"), lastFill, controlled)), confidential: confidential);
        var lisinopril = Item("Lisinopril 10 MG Oral Tablet", "314076", 3);
        var metformin = Item("Metformin 500 MG Oral Tablet", "860975", 1);
        var oxycodone = Item("Oxycodone 5 MG Oral Tablet", "1049621", 0, controlled: true);
        var noRefills = Item("Amlodipine 5 MG Oral Tablet", "197361", 0);
        var stopped = Item("Atorvastatin 20 MG Oral Tablet", "617310", 2, status: MedicationStatus.Stopped);
        var confidential = Item("Sertraline 50 MG Oral Tablet", "312940", 2, confidential: true);
        await services.GetRequiredService<IHealthRecord>().WriteAsync(
            RecordSamples.Write(patientId, "rx" + Guid.NewGuid().ToString("N")[..12], lisinopril, metformin, oxycodone, noRefills, stopped, confidential), default);
        return new Medications(lisinopril.ItemId, metformin.ItemId, oxycodone.ItemId, noRefills.ItemId, stopped.ItemId, confidential.ItemId);
    }

    public static Task<(HttpStatusCode Status, JsonObject Body, string? ETag)> SendAsync(
        PortalApi api, HttpMethod method, string path, string token, object? body = null, string? ifMatch = null, string? key = null) =>
        AmendmentStoryTests.SendAsync(api, method, path, token, body, ifMatch, key);

    /// <summary>The patient's own notices of <paramref name="kind"/> (caregivers' copies left out), newest first.</summary>
    public static async Task<IReadOnlyList<Notice>> NoticesAsync(string patientId, NoticeKind kind)
    {
        var notices = (await TestPortal.GetAsync()).Services.GetRequiredService<INotices>();
        return [.. (await notices.ListAsync(patientId, 100, null, default)).Items.Where(n => n.Kind == kind && n.Caregiver is null)];
    }
}
