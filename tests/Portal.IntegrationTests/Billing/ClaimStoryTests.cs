using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Billing;

/// <summary>Insurance claims per visit: the billing office enters, updates and imports them; the patient reads plain words.</summary>
public class ClaimStoryTests
{
    [Fact]
    public async Task A_claim_goes_from_submitted_to_paid_under_its_etag_and_the_patient_reads_what_it_means()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        var claim = $"api/patients/{patientId}/billing/claims/CLM-1001";
        var serviceDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20));

        var (created, createdETag) = await PutAsync(api, claim, billing, new { visitId = "visit-7", serviceDate, payer = "Aetna", status = "submitted", submitted = "215.00" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Contains("We sent a claim of $215.00 to Aetna", created.Body["explanation"]!.GetValue<string>());

        var paid = new { visitId = "visit-7", serviceDate, payer = "Aetna", status = "paid", submitted = "215.00", allowed = "180.00", paid = "150.00", adjusted = "35.00", patientResponsibility = "30.00" };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PutAsync(api, claim, billing, paid)).Response.Status);
        var (updated, updatedETag) = await PutAsync(api, claim, billing, paid, createdETag);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(api, claim, billing, paid, createdETag)).Response.Status);
        Assert.NotEqual(createdETag, updatedETag);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, claim, billing, paid, "*")).Response.Status); // If-Match: * takes any version
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(api, claim, patient, paid, updatedETag)).Response.Status);

        var listed = (await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing/claims", patient))["items"]!.AsArray();
        var explanation = Assert.Single(listed)!["explanation"]!.GetValue<string>();
        Assert.Equal($"We billed Aetna $215.00 for your visit on {serviceDate.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}. "
            + "Their agreed price for it is $180.00, so the clinic took $35.00 off the bill. Aetna paid $150.00. Your share is $30.00 (deductible, copay or coinsurance).", explanation);
    }

    [Fact]
    public async Task A_denied_claim_needs_a_reason_and_an_import_answers_each_claim_on_its_own()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        var serviceDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-9));
        var denied = new { visitId = "visit-9", serviceDate, payer = "UnitedHealthcare", status = "denied", submitted = "125.00" };
        var refused = await PutAsync(api, $"api/patients/{patientId}/billing/claims/CLM-9", billing, denied);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.Status);
        Assert.NotNull(refused.Response.Body["errors"]!["denialReason"]);

        var batch = new object[]
        {
            new { patientId, claimId = "CLM-10", claim = new { visitId = "visit-10", serviceDate, payer = "UnitedHealthcare", status = "denied", submitted = "125.00", denialReason = "Coverage ended before the visit" } },
            new { patientId, claimId = "CLM-11", claim = new { visitId = "visit-11", serviceDate, payer = "UnitedHealthcare", status = "paid", submitted = "1.234" } },
            new { patientId = "no-such-patient", claimId = "CLM-12", claim = new { visitId = "v", serviceDate, payer = "P", status = "submitted", submitted = "10.00" } },
        };
        var imported = await BillingCalls.SendAsync(api, HttpMethod.Post, "api/billing/claims/import", billing, batch);
        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.Equal(["saved", "invalid", "notFound"], imported.Body["items"]!.AsArray().Select(i => i!["outcome"]!.GetValue<string>()));
        Assert.Equal(["[1].claim.allowed", "[1].claim.submitted"], imported.Body["items"]![1]!["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await BillingCalls.SendAsync(api, HttpMethod.Post, "api/billing/claims/import", patient, batch)).Status);

        var listed = (await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing/claims", patient))["items"]!.AsArray();
        Assert.Contains("UnitedHealthcare denied our claim of $125.00", Assert.Single(listed)!["explanation"]!.GetValue<string>());
        Assert.Contains("Coverage ended before the visit", listed[0]!["explanation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Good_faith_estimates_list_the_fee_schedule_with_the_patients_rights()
    {
        var api = await PortalApi.CreateAsync();
        var (_, patient, _) = await api.NewActivatedPatientAsync();

        var estimates = await BillingCalls.GetAsync(api, "api/billing/estimates", patient);

        Assert.Contains("Good Faith Estimate", estimates["notice"]!.GetValue<string>());
        var sick = estimates["items"]!.AsArray().Single(i => i!["visitType"]!.GetValue<string>() == "sick-visit")!;
        Assert.Equal(15500L, BillingCalls.Minor(sick["total"]));
    }

    private static async Task<((HttpStatusCode Status, JsonObject Body) Response, string? ETag)> PutAsync(PortalApi api, string path, string token, object body, string? ifMatch = null)
    {
        using var response = await api.SendAsync(HttpMethod.Put, path, token, JsonSerializer.Serialize(body), ifMatch);
        var text = await response.Content.ReadAsStringAsync();
        return ((response.StatusCode, JsonNode.Parse(text)!.AsObject()), response.Headers.ETag?.ToString());
    }
}
