#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Fhir;
using static Portal.IntegrationTests.Labs.LabMessages;
using Task = System.Threading.Tasks.Task;

namespace Portal.IntegrationTests.Labs;

/// <summary>An app reads a patient's lab results through the FHIR API: what the lab sent, as the portal shows it, and no more.</summary>
public class LabResultsFhirTests
{
    [Fact]
    public async Task An_app_reads_released_reports_and_their_observations_while_a_held_biopsy_reaches_only_the_clinician()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, lab) = await LabIngestionTests.PatientAsync(api);
        var labToken = await LabIngestionTests.LabTokenAsync(api);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var choices = $"api/patients/{patientId}/results/hold-preferences";
        using (var read = await api.GetAsync(choices, patient))
        {
            using var saved = await api.SendAsync(HttpMethod.Put, choices, patient, """{"holds":[{"category":"pathology","days":7}]}""", read.Headers.ETag!.ToString());
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var biopsy = new Order("P-" + NewControlId(), "22634-0", "Pathology report", "F", [("22637-3", "Final diagnosis", "See report", "", "", "")], ServiceSection: "SP");
        var (status, _, _) = await LabIngestionTests.PushAsync(api, labToken, Oru(NewControlId(), (lab, [Lipids("L-" + NewControlId()), HbA1c("A-" + NewControlId(), "6.1", "H"), biopsy])));
        Assert.Equal(HttpStatusCode.OK, status);

        // The patient's app: the two released reports, the five observations, paged two at a time, every one valid R4.
        var app = await FhirApps.ClientAsync(patient);
        var reports = (await FhirApiTests.SearchAllAsync(app, "DiagnosticReport", [$"patient={patientId}"], pageSize: 1)).Cast<DiagnosticReport>().ToList();
        Assert.Equal(["Hemoglobin A1c", "Lipid panel"], reports.Select(r => r.Code.Text).Order());
        var observations = (await FhirApiTests.SearchAllAsync(app, "Observation", [$"patient={patientId}", "category=laboratory"], pageSize: 2)).Cast<Observation>().ToList();
        Assert.Equal(5, observations.Select(o => o.Id).Distinct().Count());
        Assert.Equal(observations.Select(o => $"Observation/{o.Id}").Order(), reports.SelectMany(r => r.Result).Select(r => r.Reference).Order());
        Assert.All(reports.Concat<Resource>(observations), r => Assert.Equal(("1", $"Patient/{patientId}"), (r.Meta.VersionId, r is Observation o ? o.Subject.Reference : ((DiagnosticReport)r).Subject.Reference)));
        var errors = reports.Concat<Resource>(observations).SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // One value as the lab sent it, by code and by id.
        var ldl = Assert.Single((await app.SearchAsync<Observation>([$"patient={patientId}", "code=http://loinc.org|13457-7"]))!.Entry).Resource as Observation;
        Assert.Equal((162m, "mg/dL", "H"), (((Quantity)ldl!.Value).Value, ((Quantity)ldl.Value).Code, ldl.Interpretation.Single().Coding.Single().Code));
        Assert.Equal(ldl.Id, (await app.ReadAsync<Observation>($"Observation/{ldl.Id}"))!.Id);
        Assert.Empty((await app.SearchAsync<DiagnosticReport>([$"patient={patientId}", "date=lt2000-01-01"]))!.Entry);

        // The biopsy the patient chose to hold: the clinician's search has it; the patient's read of it is a 404.
        var staff = await FhirApps.ClientAsync(clinician);
        var staffReports = (await FhirApiTests.SearchAllAsync(staff, "DiagnosticReport", [$"patient={patientId}"], pageSize: 10)).Cast<DiagnosticReport>().ToList();
        var held = Assert.Single(staffReports, r => r.Code.Text == "Pathology report");
        Assert.Equal(3, staffReports.Count);
        var missing = await Assert.ThrowsAsync<FhirOperationException>(() => app.ReadAsync<DiagnosticReport>($"DiagnosticReport/{held.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        var hiddenObservation = await Assert.ThrowsAsync<FhirOperationException>(() => app.ReadAsync<Observation>(held.Result.Single().Reference));
        Assert.Equal(HttpStatusCode.NotFound, hiddenObservation.Status);
    }
}
