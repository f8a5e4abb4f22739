using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Record;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Record;

/// <summary>The health record for front ends: the summary, each section, a visit; clinicians publish visits and medications.</summary>
[Description("The patient's health record: chart sections, visits with their summaries, and what clinicians publish.")]
public sealed class RecordFunctions(
    PortalHttp http, ReadRecordSummary summary, ReadRecordSection sections, ReadVisit readVisit, PublishVisitSummary visits, AddMedication addMedication, EndMedication endMedication)
{
    [Function("GetRecordSummary")]
    [ApiOperation(
        "The record at a glance: counts per section, what is new since you last looked, the last visit.",
        Description = "For the patient, caregivers with `records.read` and clinicians. \"New\" is per caller: opening the summary marks what it shows as seen for you only. Caregivers never see adolescent-confidential items, nor their counts.")]
    [ApiResponse(200, typeof(RecordSummary))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Summary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/record")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await summary.ExecuteAsync(caller, patientId, cancellationToken), value => ApiResults.Json(value)));

    [Function("ListRecordSection")]
    [ApiOperation(
        "One section of the record, newest first.",
        Description = "Sections: allergies, medications, immunizations, problems, vitals, visits, care-plans, notes, documents (an unknown one is 404). Caregivers never see adolescent-confidential items.")]
    [ApiQuery("status", typeof(string), "`active` (default) or `all` (inactive and entered-in-error items too).")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(RecordPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Section(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/record/{section}")] HttpRequest request,
        string patientId,
        string section,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var status = request.Query["status"].ToString();
            var result = await sections.ExecuteAsync(caller, patientId, section, status, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new RecordPage(page.Items, page.ContinuationToken)));
        });

    [Function("GetVisit")]
    [ApiOperation(
        "A visit with its summary, diagnoses, medications started and stopped, documents and follow-ups.",
        Description = "Marks the visit reviewed for you (only you). The ETag is the visit's version, for a clinician's If-Match; every item also carries its own `eTag`.")]
    [ApiResponse(200, typeof(VisitDetail), ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Visit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/visits/{visitId}")] HttpRequest request,
        string patientId,
        string visitId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await readVisit.ExecuteAsync(caller, patientId, visitId, cancellationToken), detail =>
            {
                request.HttpContext.Response.Headers.ETag = detail.Visit.ETag;
                return ApiResults.Json(detail);
            }));

    [Function("CreateVisit")]
    [ApiOperation(
        "Write a visit with its after-visit summary.",
        Description = "For clinicians. The patient is told that new information is in their record (no clinical detail). With an Idempotency-Key a retry answers with the same visit; the same key with another body is 409.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(VisitSummaryRequest))]
    [ApiResponse(201, typeof(RecordItem), Description = "Written: the visit.", ETag = true, Location = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> CreateVisit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/visits")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<VisitSummaryRequest>(request, cancellationToken, async (caller, body) =>
            Created(request, $"/api/patients/{patientId}/visits", await visits.CreateAsync(caller, patientId, body, IdempotencyKey(request), cancellationToken)));

    [Function("UpdateVisit")]
    [ApiOperation("Replace a visit's summary.", Description = "For clinicians; the earlier summary is kept in the item's history. The patient is told.", IfMatch = true)]
    [ApiRequest(typeof(VisitSummaryRequest))]
    [ApiResponse(200, typeof(RecordItem), Description = "Changed: the visit.", ETag = true)]
    [ApiProblems(400, 403, 404, 412, 428)]
    public Task<IActionResult> UpdateVisit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "patients/{patientId}/visits/{visitId}")] HttpRequest request,
        string patientId,
        string visitId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<VisitSummaryRequest>(request, cancellationToken, async (caller, body) =>
            ApiResults.Versioned(request, await visits.UpdateAsync(caller, patientId, visitId, request.Headers.IfMatch.ToString(), body, cancellationToken), item => item));

    [Function("AddMedication")]
    [ApiOperation(
        "Add a medication to the record.",
        Description = "For clinicians, optionally as started at a visit (`visitId`). The patient is told. With an Idempotency-Key a retry answers with the same medication.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewMedication))]
    [ApiResponse(201, typeof(RecordItem), Description = "Added: the medication (listed in the medications section).", ETag = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> AddMedication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/medications")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewMedication>(request, cancellationToken, async (caller, body) =>
            Created(request, null, await addMedication.ExecuteAsync(caller, patientId, body, IdempotencyKey(request), cancellationToken)));

    [Function("EndMedication")]
    [ApiOperation(
        "End a medication: stopped or completed.",
        Description = "For clinicians, optionally at a visit (`visitId`: the visit then lists it as stopped). The earlier state is kept in the item's history; the patient is told. 409 when it has already ended.",
        IfMatch = true)]
    [ApiRequest(typeof(MedicationEnd))]
    [ApiResponse(200, typeof(RecordItem), Description = "Ended: the medication.", ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> EndMedication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/medications/{medicationId}/end")] HttpRequest request,
        string patientId,
        string medicationId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<MedicationEnd>(request, cancellationToken, async (caller, body) =>
            ApiResults.Versioned(request, await endMedication.ExecuteAsync(caller, patientId, medicationId, request.Headers.IfMatch.ToString(), body, cancellationToken), item => item));

    private static string? IdempotencyKey(HttpRequest request) => request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null;

    /// <summary>201 with the item, its ETag and, when it has its own address, its Location.</summary>
    private static IActionResult Created(HttpRequest request, string? collection, Result<Versioned<RecordItem>> result) =>
        ApiResults.From(request, result, versioned =>
        {
            request.HttpContext.Response.Headers.ETag = versioned.ETag;
            if (collection is not null)
            {
                request.HttpContext.Response.Headers.Location = $"{collection}/{versioned.Value.ItemId}";
            }

            return ApiResults.Json(versioned.Value, StatusCodes.Status201Created);
        });
}
