#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using System.Net;
using Hl7.Fhir.Model;
using Portal.IntegrationTests.Api;
using Task = System.Threading.Tasks.Task;

namespace Portal.IntegrationTests.Fhir;

/// <summary>Every refusal of the FHIR API is an OperationOutcome with the status that says why, and reveals nothing.</summary>
public class FhirBadInputTests
{
    [Fact]
    public async Task Bad_searches_and_reads_are_OperationOutcomes_with_the_right_status()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var record = await FhirRecordSamples.WriteAsync(patientId);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var observations = $"api/fhir/r4/Observation?patient={patientId}";

        (string Path, string Token, HttpStatusCode Status, string Says)[] cases =
        [
            ($"api/fhir/r4/Observation?patient={patientId}&foo=1", token, HttpStatusCode.BadRequest, "foo"),
            ($"api/fhir/r4/Observation?patient={patientId}&code:text=weight", token, HttpStatusCode.BadRequest, "code:text"),
            ($"api/fhir/r4/AllergyIntolerance?patient={patientId}&code=7980", token, HttpStatusCode.BadRequest, "code"),
            ($"api/fhir/r4/Observation?subject=Patient/{patientId}", token, HttpStatusCode.BadRequest, "subject"),
            ("api/fhir/r4/Observation?category=vital-signs", token, HttpStatusCode.BadRequest, "patient"),
            ($"api/fhir/r4/Observation?patient={patientId}&patient={patientId}", token, HttpStatusCode.BadRequest, "patient"),
            ($"api/fhir/r4/Observation?patient=not%20an%20id", token, HttpStatusCode.BadRequest, "patient"),
            ($"{observations}&_count=0", token, HttpStatusCode.BadRequest, "_count"),
            ($"{observations}&_count=many", token, HttpStatusCode.BadRequest, "_count"),
            ($"{observations}&date=sa2024", token, HttpStatusCode.BadRequest, "date"),
            ($"{observations}&date=2024-13-01", token, HttpStatusCode.BadRequest, "date"),
            ($"{observations}&code=", token, HttpStatusCode.BadRequest, "code"),
            ($"{observations}&ct=somewhere.else", token, HttpStatusCode.BadRequest, "ct"),
            ($"{observations}&ct=vitals.bm90LWEtdG9rZW4", token, HttpStatusCode.BadRequest, "ct"),
            ($"api/fhir/r4/Patient?patient={patientId}", token, HttpStatusCode.BadRequest, "_id"),
            ($"api/fhir/r4/Observation/{record["bp"].ItemId}", clinician, HttpStatusCode.BadRequest, "patient"),
            ($"api/fhir/r4/Medication?patient={patientId}", token, HttpStatusCode.NotFound, "resource type"),
            ($"api/fhir/r4/observation?patient={patientId}", token, HttpStatusCode.NotFound, "resource type"),
            ($"api/fhir/r4/Observation/{record["penicillin"].ItemId}", token, HttpStatusCode.NotFound, "Observation"),
            ("api/fhir/r4/Observation/2516446655999999999-00000000000000000000000000000000", token, HttpStatusCode.NotFound, "Observation"),
            ("api/fhir/r4/Observation/not-an-item", token, HttpStatusCode.NotFound, "Observation"),
            ($"api/fhir/r4/Patient/{patientId}x", token, HttpStatusCode.NotFound, "patient"),
        ];
        foreach (var (path, caller, status, says) in cases)
        {
            using var response = await api.GetAsync(path, caller);
            var text = await FhirAnswers.AssertOutcomeAsync(response, status);
            Assert.True(text.Contains(says, StringComparison.OrdinalIgnoreCase), $"{path}: '{text}' should name {says}");
        }
    }

    [Fact]
    public async Task Without_a_valid_token_the_answer_is_401_as_an_OperationOutcome()
    {
        var api = await PortalApi.CreateAsync();
        using var none = await api.GetAsync("api/fhir/r4/Observation?patient=p1", token: null);
        await FhirAnswers.AssertOutcomeAsync(none, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(OperationOutcome.IssueType.Login, (await FhirAnswers.ReadAsync<OperationOutcome>(none)).Issue[0].Code);

        using var forged = await api.GetAsync("api/fhir/r4/Patient/p1", token: "not.a.token");
        await FhirAnswers.AssertOutcomeAsync(forged, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_empty_date_range_and_an_unserved_category_answer_as_the_policy_says_for_the_patient()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var stranger = await api.TokenAsync(PortalApi.UniqueSubject("stranger"));
        foreach (var filter in new[] { "date=ge2026-03-01&date=le2026-01-01", "category=social-history" })
        {
            using var mine = await api.GetAsync($"api/fhir/r4/Observation?patient={patientId}&{filter}", token);
            Assert.Empty((await FhirAnswers.ReadAsync<Bundle>(mine)).Entry);
            using var theirs = await api.GetAsync($"api/fhir/r4/Observation?patient={patientId}&{filter}", stranger);
            await FhirAnswers.AssertOutcomeAsync(theirs, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public void The_validator_refuses_what_R4_forbids()
    {
        var noStatus = new Observation { Id = "x", Code = new CodeableConcept { Text = "Weight" } };
        var errorWithStatus = new AllergyIntolerance
        {
            Id = "y",
            Patient = new ResourceReference("Patient/p"),
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "entered-in-error"),
        };

        Assert.NotEmpty(FhirValidation.Errors(noStatus));
        Assert.Contains(FhirValidation.Errors(errorWithStatus), e => e.Contains("ait-2", StringComparison.Ordinal));
    }
}
