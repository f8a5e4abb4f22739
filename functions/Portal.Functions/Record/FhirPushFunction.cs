using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Record;
using Portal.Core.Record.Fhir;
using Portal.Functions.Fhir;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Record;

/// <summary>Clinic systems push health-record data as FHIR R4 transaction Bundles.</summary>
[Description("Health-record data pushed by the clinic's systems as FHIR R4 transaction Bundles.")]
public sealed class FhirPushFunction(PortalHttp http, PushRecordBundle push, TimeProvider clock)
{
    [Function("PushRecordBundle")]
    [ApiOperation(
        "Push a FHIR R4 transaction Bundle into a patient's record.",
        Description = "For a clinic system with the `Records.Push` app role, or a clinician. A `transaction` Bundle (at most 4 MiB) of one patient's AllergyIntolerance, MedicationRequest, Immunization, Condition, Observation (vital-signs), Encounter, DocumentReference (+ Binary) and CarePlan, with the Patient entry (or subject references) naming the patient by MRN. Every entry is a conditional create or update by identifier (`PUT {type}?identifier=system|value`, `POST` with `ifNoneExist`, or the resource's own identifiers): a resend updates instead of duplicating, and the same Bundle again changes nothing. Any problem refuses the whole Bundle with an OperationOutcome listing each one (by FHIRPath) and writes nothing. The patient is told that new information arrived (no clinical detail).",
        Tag = "Record")]
    [ApiRequest(typeof(JsonObject), ContentType = FhirResults.MediaType)]
    [ApiResponse(200, typeof(JsonObject), ContentType = FhirResults.MediaType, Description = "A transaction-response Bundle: one entry per request entry, in order (201 Created or 200 OK, the location and version).")]
    [ApiResponse(400, typeof(JsonObject), ContentType = FhirResults.MediaType, Description = "An OperationOutcome listing what is wrong (malformed, too large, unknown patient, another patient, an unknown resource type …); nothing was written.")]
    [ApiResponse(403, typeof(JsonObject), ContentType = FhirResults.MediaType, Description = "An OperationOutcome: the caller may not push records.")]
    [ApiResponse(409, typeof(JsonObject), ContentType = FhirResults.MediaType, Description = "An OperationOutcome: the record kept changing while the Bundle was written; send it again.")]
    public Task<IActionResult> Push(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "fhir/r4")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var body = await FhirResults.ReadBodyAsync(request, PushRecordBundle.MaxBytes, cancellationToken);
            if (!body.Succeeded)
            {
                return FhirResults.Outcome(body.Failure);
            }

            var result = await push.ExecuteAsync(caller, body.Value, cancellationToken);
            return result.Succeeded ? FhirResults.Resource(FhirPushResponse.ToBundle(result.Value, clock.GetUtcNow())) : FhirResults.Outcome(result.Failure);
        });
}
