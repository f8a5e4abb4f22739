#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Portal.IntegrationTests.Billing;

/// <summary>An app reads the patient's insurance and explanations of benefits through the FHIR API: the bill's rules hold.</summary>
public class BillingFhirTests
{
    [Fact]
    public async Task An_app_reads_the_coverage_and_an_explanation_of_benefits_per_claim_and_clinicians_read_neither_bill()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        using (var profile = await api.GetAsync($"api/patients/{patientId}/profile", patient))
        {
            using var patched = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", patient,
                """{"insurance":{"payer":"Aetna","plan":"Choice POS II","memberId":"W123456789","groupNumber":"GRP-42"}}""", profile.Headers.ETag!.ToString(), "application/merge-patch+json");
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        foreach (var (claimId, days) in new[] { ("CLM-1", 20), ("CLM-2", 50), ("CLM-3", 80) })
        {
            var (status, _) = await BillingCalls.SendAsync(api, HttpMethod.Put, $"api/patients/{patientId}/billing/claims/{claimId}", billing,
                new { visitId = $"visit-{claimId}", serviceDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-days)), payer = "Aetna", status = "paid", submitted = "215.00", allowed = "180.00", paid = "150.00", adjusted = "35.00", patientResponsibility = "30.00" });
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var app = await FhirApps.ClientAsync(patient);
        var coverage = Assert.IsType<Coverage>(Assert.Single((await app.SearchAsync<Coverage>([$"patient={patientId}"]))!.Entry).Resource);
        Assert.Equal(("W123456789", "Aetna", $"Patient/{patientId}"), (coverage.SubscriberId, coverage.Payor.Single().Display, coverage.Beneficiary.Reference));
        Assert.Equal(coverage.Id, (await app.ReadAsync<Coverage>($"Coverage/{coverage.Id}"))!.Id);

        var explanations = (await FhirApiTests.SearchAllAsync(app, "ExplanationOfBenefit", [$"patient={patientId}"], pageSize: 2)).Cast<ExplanationOfBenefit>().ToList();
        Assert.Equal(["CLM-1", "CLM-2", "CLM-3"], explanations.Select(e => e.Identifier.Single().Value)); // newest visit first
        Assert.All(explanations, e => Assert.Equal($"Coverage/{coverage.Id}", e.Insurance.Single().Coverage.Reference));
        var first = await app.ReadAsync<ExplanationOfBenefit>($"ExplanationOfBenefit/{explanations[0].Id}");
        Assert.Equal((explanations[0].Id, explanations[0].Meta.VersionId), (first!.Id, first.Meta.VersionId));
        Assert.Equal(30.00m, first.Total.Single(t => t.Category.Coding.Single().Code == "memberliability").Amount.Value);
        var errors = explanations.Append<Resource>(coverage).SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // Bills are not for clinicians (the insurance on the profile is); a caregiver with billing.read reads them.
        var clinician = await FhirApps.ClientAsync(await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]));
        var refused = await Assert.ThrowsAsync<FhirOperationException>(() => clinician.SearchAsync<ExplanationOfBenefit>([$"patient={patientId}"]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Single((await clinician.SearchAsync<Coverage>([$"patient={patientId}"]))!.Entry);
        var caregiver = await FhirApps.ClientAsync(await api.CaregiverAsync(patientId, "billing.read"));
        Assert.Equal(3, (await FhirApiTests.SearchAllAsync(caregiver, "ExplanationOfBenefit", [$"patient={patientId}"], pageSize: 10)).Count);
    }
}
