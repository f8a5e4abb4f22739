using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Caregivers.Fhir;
using Portal.Functions.Http;
using Portal.Functions.Messaging;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Caregivers;

/// <summary>
/// The patient's caregiver grants as FHIR R4 <c>RelatedPerson</c> and <c>Consent</c> (search and read), beside the
/// patient's other FHIR resources; read by the patient (and the front desk and administrators), never by caregivers.
/// </summary>
[Description("Caregiver grants as FHIR R4 RelatedPerson and Consent resources (application/fhir+json).")]
public sealed class CaregiverFhirFunctions(PortalHttp http, ReadCaregiverResources read)
{
    [Function("SearchRelatedPersons")]
    [ApiOperation(
        "The patient's caregivers as a FHIR searchset Bundle of RelatedPerson resources.",
        Description = "One RelatedPerson per grant (its id is the grant's): the caregiver's name, relationship (HL7 v3 RoleCode) and the grant's period; ended grants are inactive. For the patient, the front desk and administrators; caregivers never see other caregivers. Errors are OperationOutcomes (401 stays problem+json).")]
    [ApiResponse(200, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "A searchset Bundle of RelatedPerson resources.")]
    [ApiResponse(403, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: the caller may not see this patient's caregivers.")]
    [ApiResponse(404, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: no such patient for this caller.")]
    public Task<IActionResult> SearchPersons(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/fhir/RelatedPerson")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) => SearchAsync(request, patientId, "RelatedPerson", cancellationToken);

    [Function("ReadRelatedPerson")]
    [ApiOperation("One caregiver as a FHIR RelatedPerson (the id is the grant's).", Description = "For the patient, the front desk and administrators. Errors are OperationOutcomes (401 stays problem+json).")]
    [ApiResponse(200, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "A RelatedPerson resource.")]
    [ApiResponse(403, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: the caller may not see this patient's caregivers.")]
    [ApiResponse(404, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: no such grant (or patient) for this caller.")]
    public Task<IActionResult> ReadPerson(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/fhir/RelatedPerson/{grantId}")] HttpRequest request,
        string patientId,
        string grantId,
        CancellationToken cancellationToken) => ReadAsync(request, patientId, "RelatedPerson", grantId, cancellationToken);

    [Function("SearchConsents")]
    [ApiOperation(
        "The patient's caregiver grants as a FHIR searchset Bundle of Consent resources.",
        Description = "One privacy Consent per grant (its id is the grant's): a permit provision naming the caregiver (RelatedPerson) as recipient, the scopes granted (caregiver-scope codes) and the period; active while the grant may be used. For the patient, the front desk and administrators. Errors are OperationOutcomes (401 stays problem+json).")]
    [ApiResponse(200, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "A searchset Bundle of Consent resources.")]
    [ApiResponse(403, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: the caller may not see this patient's caregivers.")]
    [ApiResponse(404, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: no such patient for this caller.")]
    public Task<IActionResult> SearchConsents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/fhir/Consent")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) => SearchAsync(request, patientId, "Consent", cancellationToken);

    [Function("ReadConsent")]
    [ApiOperation("One caregiver grant as a FHIR Consent (the id is the grant's).", Description = "For the patient, the front desk and administrators. Errors are OperationOutcomes (401 stays problem+json).")]
    [ApiResponse(200, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "A Consent resource.")]
    [ApiResponse(403, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: the caller may not see this patient's caregivers.")]
    [ApiResponse(404, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: no such grant (or patient) for this caller.")]
    public Task<IActionResult> ReadConsent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/fhir/Consent/{grantId}")] HttpRequest request,
        string patientId,
        string grantId,
        CancellationToken cancellationToken) => ReadAsync(request, patientId, "Consent", grantId, cancellationToken);

    private Task<IActionResult> SearchAsync(HttpRequest request, string patientId, string type, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var resourceBase = $"{FhirAnswers.ApiBase(request)}/patients/{Uri.EscapeDataString(patientId)}/fhir";
            return FhirAnswers.From(
                await read.SearchAsync(caller, patientId, type, cancellationToken),
                resources => CaregiverResources.Searchset(resources, resourceBase, $"{resourceBase}/{type}"));
        });

    private Task<IActionResult> ReadAsync(HttpRequest request, string patientId, string type, string grantId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            FhirAnswers.From(await read.FindAsync(caller, patientId, type, grantId, cancellationToken), resource => resource));
}
