using System.ComponentModel;
using Bundle = Hl7.Fhir.Model.Bundle;
using Resource = Hl7.Fhir.Model.Resource;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Record.Fhir;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Fhir;

/// <summary>The FHIR R4 API for apps: search and read one patient's record.</summary>
[Description("FHIR R4 API for apps (US Core 6.1, SMART App Launch 2 scopes): read and search one patient's record; answers are application/fhir+json, errors OperationOutcomes.")]
public sealed class FhirFunctions(FhirHttp http, SearchFhirResources search, ReadFhirResource read)
{
    [Function("SearchFhirResources")]
    [ApiOperation(
        "Search one patient's resources of a type (a searchset Bundle).",
        Description = "Types: Patient (by `_id`), AllergyIntolerance, MedicationRequest, Immunization, Condition, Observation (`category=vital-signs|laboratory`, `code`, `date`), Encounter, DocumentReference, DiagnosticReport (`category`, `code`, `date`), CarePlan, Appointment (`date`), and the clinic's Slot (`service-type` required, `schedule`, `start`) and Schedule (`actor`); `GET metadata` lists each type's parameters. Every search but Patient's, Slot's and Schedule's needs `patient`. Pages hold `_count` resources (default 25, at most 100) and carry `self` and, unless last, `next` links; no `total`. Unsupported parameters or modifiers are 400. A SMART token's scopes must cover searching the type (403); the portal's policy decides per patient (404 when out of reach). Caregivers never see confidential items.")]
    [ApiQuery("patient", typeof(string), "The patient: `{id}` or `Patient/{id}` (every type but Patient).")]
    [ApiQuery("_id", typeof(string), "Patient only: the patient's id.")]
    [ApiQuery("category", typeof(string), "Observation, DiagnosticReport: `[system|]code`, commas for any of several.")]
    [ApiQuery("code", typeof(string), "Observation, DiagnosticReport: `[system|]code`, commas for any of several.")]
    [ApiQuery("date", typeof(string), "Observation, DiagnosticReport, Appointment: `[ge|le|gt|lt|eq]` and a FHIR date or dateTime; repeat for a range.")]
    [ApiQuery("service-type", typeof(string), "Slot: the visit type, `[urn:portal:visit-type|]{id}` (required).")]
    [ApiQuery("schedule", typeof(string), "Slot: one provider's, `Schedule/{providerId}`.")]
    [ApiQuery("start", typeof(string), "Slot: `[ge|le|gt|lt|eq]` and a FHIR date or dateTime; repeat for a range (at most 14 days; default the coming 7).")]
    [ApiQuery("actor", typeof(string), "Schedule: `Practitioner/{id}`.")]
    [ApiQuery("_count", typeof(int), "Resources per page (default 25, at most 100).")]
    [ApiQuery("ct", typeof(string), "Where the previous page stopped (take the whole `next` link).")]
    [ApiResponse(200, typeof(Bundle), Description = "A searchset Bundle.", ContentType = FhirHttp.MediaType)]
    [ApiFhirOutcomes(400, 403, 404)]
    public Task<IActionResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fhir/r4/{type}")] HttpRequest request,
        string type,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async (caller, address) => FhirHttp.From(await search.ExecuteAsync(
            caller, type, request.Query.SelectMany(q => q.Value.Select(value => KeyValuePair.Create(q.Key, value ?? ""))), address, cancellationToken)));

    [Function("ReadFhirResource")]
    [ApiOperation(
        "Read one resource by type and id.",
        Description = "The id is the item's id in the patient's record: patients and caregivers read from the records they are linked to; staff name the patient with `?patient={id}` (400 without it). Slot and Schedule are the clinic's: no patient (a Slot reads while it is open). 404 for an unknown id and for anything the caller may not see; 403 when a SMART token's scopes do not cover reading the type.")]
    [ApiQuery("patient", typeof(string), "Staff: whose record (patients and caregivers may leave it out).")]
    [ApiResponse(200, typeof(Resource), Description = "The resource.", ContentType = FhirHttp.MediaType)]
    [ApiFhirOutcomes(400, 403, 404)]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fhir/r4/{type}/{id}")] HttpRequest request,
        string type,
        string id,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async (caller, address) =>
        {
            var patient = request.Query["patient"].ToString();
            return FhirHttp.From(await read.ExecuteAsync(caller, type, id, patient.Length > 0 ? patient : null, address, cancellationToken));
        });
}
