#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using Hl7.Fhir.Model;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Portal.IntegrationTests.Prescriptions;

/// <summary>An app follows the patient's refill requests through the FHIR API: each is a Task whose focus is the MedicationRequest.</summary>
public class RefillTaskFhirTests
{
    [Fact]
    public async Task Refill_requests_are_valid_R4_Tasks_focused_on_their_MedicationRequests_with_the_status_of_their_state()
    {
        var (api, patientId, patient, clinician, meds) = await RefillStoryTests.StartAsync();
        var path = $"api/patients/{patientId}/refill-requests";
        var approvedAsk = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Lisinopril, meds.Metformin }, pharmacy = PrescriptionFixtures.NewPharmacy, note = "Before my trip." });
        var approved = approvedAsk.Body["requestId"]!.GetValue<string>();
        await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{approved}/approve", clinician,
            new { medications = new[] { new { medicationId = meds.Lisinopril, refills = 3 }, new { medicationId = meds.Metformin, refills = 1 } } }, approvedAsk.ETag);
        var requested = (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Confidential }, pharmacy = PrescriptionFixtures.NewPharmacy })).Body["requestId"]!.GetValue<string>();

        var client = await FhirApps.ClientAsync(patient);
        var tasks = (await FhirApiTests.SearchAllAsync(client, "Task", [$"patient={patientId}"], pageSize: 1)).Cast<Hl7.Fhir.Model.Task>().ToList();
        Assert.Equal([requested, approved], tasks.Select(t => t.Id));
        var errors = tasks.SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var done = (await client.ReadAsync<Hl7.Fhir.Model.Task>($"Task/{approved}"));
        Assert.Equal((Hl7.Fhir.Model.Task.TaskStatus.Completed, "approved", "2"), (done.Status, done.BusinessStatus.Coding[0].Code, done.Meta.VersionId));
        Assert.Equal($"MedicationRequest/{meds.Lisinopril}", done.Focus.Reference);
        Assert.Equal($"Patient/{patientId}", done.For.Reference);
        Assert.Equal([$"MedicationRequest/{meds.Lisinopril}", $"MedicationRequest/{meds.Metformin}"],
            done.Input.Select(i => i.Value).OfType<ResourceReference>().Select(r => r.Reference));
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, tasks[0].Status);

        // The focus resolves: the MedicationRequest is served too.
        Assert.Equal(meds.Lisinopril, (await client.ReadAsync<MedicationRequest>(done.Focus.Reference)).Id);

        // A caregiver with prescriptions.read sees the request, but not the one for a confidential medication.
        var caregiver = await FhirApps.ClientAsync(await api.CaregiverAsync(patientId, "prescriptions.read"));
        Assert.Equal([approved], (await FhirApiTests.SearchAllAsync(caregiver, "Task", [$"patient={patientId}"], pageSize: 10)).Select(t => t.Id));
        await Assert.ThrowsAsync<Hl7.Fhir.Rest.FhirOperationException>(() => caregiver.ReadAsync<Hl7.Fhir.Model.Task>($"Task/{requested}"));
    }
}
