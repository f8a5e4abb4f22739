using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Notifications;
using Portal.Core.Record;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Prescriptions;

/// <summary>What a patient takes from elsewhere and is allergic to, kept with its provenance until a clinician reconciles it into the chart.</summary>
public class ReportedItemTests
{
    [Fact]
    public async Task Reported_items_wait_for_review_and_keep_their_provenance_through_reconciliation()
    {
        var (api, patientId, patient, clinician, _) = await RefillStoryTests.StartAsync();
        var caregiver = await api.CaregiverAsync(patientId, "prescriptions.write");

        // Maria reports ibuprofen she buys herself; her daughter reports a latex allergy for her (a retry answers the same report).
        var ibuprofen = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-medications", patient,
            new { name = "Ibuprofen 200 MG", source = "overTheCounter", doseInstructions = "2 tablets when needed for back pain", start = "2026-09" });
        var key = Guid.NewGuid().ToString("N");
        var latexBody = new { substance = "Latex", reactions = new[] { "Rash" }, category = "environment", severity = "mild" };
        var latex = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-allergies", caregiver, latexBody, key: key);
        var latexAgain = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-allergies", caregiver, latexBody, key: key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (ibuprofen.Status, latex.Status));
        Assert.Equal(latex.Body["report"]!["reportId"]!.GetValue<string>(), latexAgain.Body["report"]!["reportId"]!.GetValue<string>());
        Assert.Equal("Reported by you, not yet reviewed", ibuprofen.Body["status"]!.GetValue<string>());
        Assert.Equal(patientId, latex.Body["report"]!["onBehalfOf"]!.GetValue<string>());
        var ibuprofenId = ibuprofen.Body["report"]!["reportId"]!.GetValue<string>();
        var latexId = latex.Body["report"]!["reportId"]!.GetValue<string>();

        // The medications list shows ibuprofen as reported, never refillable here.
        var meds = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/medications", patient);
        var reported = meds.Body["items"]!.AsArray().Single(i => i!["medicationId"]!.GetValue<string>() == ibuprofenId)!;
        Assert.Equal(("reportedByPatient", "Reported by you, not yet reviewed"), (reported["refill"]!["reason"]!.GetValue<string>(), reported["reported"]!["status"]!.GetValue<string>()));

        // Both wait in the clinicians' queue; a clinician does not report on the patient's behalf.
        var queue = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, "api/reconciliation-queue?pageSize=100", clinician);
        Assert.Equal(2, queue.Body["items"]!.AsArray().Count(i => i!["patientId"]!.GetValue<string>() == patientId));
        Assert.Equal(HttpStatusCode.Forbidden, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-medications", clinician, new { name = "X", source = "overTheCounter" })).Status);

        // Dr. Patel accepts ibuprofen as reported: the chart item's first version is Maria's report, by her, when she made it.
        Assert.Equal(HttpStatusCode.BadRequest, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{ibuprofenId}/reconcile", clinician, new { outcome = "rejected" }, ibuprofen.ETag)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{ibuprofenId}/reconcile", patient, new { outcome = "accepted" }, ibuprofen.ETag)).Status);
        var accepted = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{ibuprofenId}/reconcile", clinician, new { outcome = "accepted", note = "Added to your list." }, ibuprofen.ETag);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        var itemId = accepted.Body["report"]!["reconciliation"]!["itemId"]!.GetValue<string>();
        var record = (await (await TestPortal.GetAsync()).Services.GetRequiredService<IHealthRecord>().FindAsync(patientId, RecordSection.Medications, itemId, default))!.Value;
        var asReported = Assert.Single(record.History);
        Assert.Equal((1, "Ibuprofen 200 MG"), (asReported.Version, asReported.Content.Medication!.Name));
        Assert.Equal(ibuprofen.Body["report"]!["reportedBy"]!.GetValue<string>(), asReported.RecordedBy);
        Assert.Equal(ibuprofen.Body["report"]!["reportedAt"]!.GetValue<DateTimeOffset>(), asReported.RecordedAt);
        Assert.Equal(("Dr. Maya Patel", 2), (record.RecordedByName, record.Version));
        Assert.Contains(record.Identifiers, i => i.Value == ibuprofenId);
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{ibuprofenId}/reconcile", clinician, new { outcome = "accepted" }, accepted.ETag)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{ibuprofenId}/stop", patient, new { }, accepted.ETag)).Status);

        // The latex allergy is edited into the chart: confirmed, with hives as well.
        var correction = new { allergy = new { substance = "Latex", codes = Array.Empty<object>(), category = "environment", reactions = new[] { "Rash", "Hives" }, severity = "moderate", criticality = "low", clinicalStatus = "active", verification = "confirmed" } };
        var edited = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{latexId}/reconcile", clinician, new { outcome = "edited", correction }, latex.ETag);
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var allergy = (await (await TestPortal.GetAsync()).Services.GetRequiredService<IHealthRecord>().FindAsync(patientId, RecordSection.Allergies,
            edited.Body["report"]!["reconciliation"]!["itemId"]!.GetValue<string>(), default))!.Value;
        Assert.Equal((AllergyVerification.Confirmed, AllergyVerification.Unconfirmed), (allergy.Content.Allergy!.Verification, allergy.History[0].Content.Allergy!.Verification));

        // A third report is marked stopped by Maria, then rejected with a note; the queue is empty for her now.
        var vitamin = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-medications", patient, new { name = "Vitamin D 1000 IU", source = "overTheCounter" });
        var vitaminId = vitamin.Body["report"]!["reportId"]!.GetValue<string>();
        var stopped = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{vitaminId}/stop", patient, new { note = "Stopped in October." }, vitamin.ETag);
        Assert.Equal("stopped", stopped.Body["report"]!["content"]!["medication"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{vitaminId}/reconcile", clinician, new { outcome = "rejected", note = "x" }, vitamin.ETag)).Status);
        var rejected = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{vitaminId}/reconcile", clinician, new { outcome = "rejected", note = "Stopped before we could record it." }, stopped.ETag);
        Assert.Equal("Reviewed by your care team: not added to your record", rejected.Body["status"]!.GetValue<string>());
        queue = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, "api/reconciliation-queue?pageSize=100", clinician);
        Assert.DoesNotContain(queue.Body["items"]!.AsArray(), i => i!["patientId"]!.GetValue<string>() == patientId);

        // Her list keeps every report with its outcome; each review told her (no detail in the notice).
        var list = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/reported-items", patient);
        Assert.Equal([vitaminId, latexId, ibuprofenId], list.Body["items"]!.AsArray().Select(i => i!["report"]!["reportId"]!.GetValue<string>()));
        Assert.Equal(3, (await PrescriptionFixtures.NoticesAsync(patientId, NoticeKind.ReportedItemReviewed)).Count);
    }
}
