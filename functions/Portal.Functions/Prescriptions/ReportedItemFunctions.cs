using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Prescriptions;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Prescriptions;

/// <summary>Medications and allergies the patient reports, kept with their provenance until a clinician reconciles them.</summary>
[Description("Prescriptions: current medications, refill requests, patient-reported medications and allergies.")]
public sealed class ReportedItemFunctions(PortalHttp http, ReportItem report, ListReportedItems list, StopReportedItem stop, ReconcileReportedItem reconcile)
{
    [Function("ReportMedication")]
    [ApiOperation(
        "Tell the clinic about a medication taken: over the counter, or from another doctor.",
        Description = "For the patient and caregivers with `prescriptions.write`. Kept with who reported it and when, shown as \"reported by you, not yet reviewed\" until a clinician reconciles it into the record. With an Idempotency-Key a retry answers with the same report.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewReportedMedication))]
    [ApiResponse(201, typeof(ReportedItemView), Description = "Reported.", Location = true, ETag = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Medication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/reported-medications")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewReportedMedication>(request, cancellationToken, async (caller, body) =>
            Created(request, patientId, await report.MedicationAsync(caller, patientId, body, Key(request), cancellationToken)));

    [Function("ReportAllergy")]
    [ApiOperation(
        "Tell the clinic about an allergy.",
        Description = "For the patient and caregivers with `prescriptions.write`. Kept with who reported it and when, unconfirmed, until a clinician reconciles it into the record. With an Idempotency-Key a retry answers with the same report.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewReportedAllergy))]
    [ApiResponse(201, typeof(ReportedItemView), Description = "Reported.", Location = true, ETag = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Allergy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/reported-allergies")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewReportedAllergy>(request, cancellationToken, async (caller, body) =>
            Created(request, patientId, await report.AllergyAsync(caller, patientId, body, Key(request), cancellationToken)));

    [Function("ListReportedItems")]
    [ApiOperation(
        "What the patient reported, newest first, with where each review stands.",
        Description = "For the patient, caregivers with `prescriptions.read` and clinicians. A reconciled report names the record item it became (`reconciliation.itemId`), whose first version is the report as made.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(ReportedItemPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/reported-items")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await list.ExecuteAsync(caller, patientId, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new ReportedItemPage([.. page.Items.Select(ReportedItemView.From)], page.ContinuationToken)));
        });

    [Function("StopReportedItem")]
    [ApiOperation(
        "Mark a reported medication or allergy as stopped.",
        Description = "For the patient and caregivers with `prescriptions.write`, until a clinician reconciles it (then 409: tell the care team in a message).",
        IfMatch = true)]
    [ApiRequest(typeof(ReportStop))]
    [ApiResponse(200, typeof(ReportedItemView), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Stop(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/reported-items/{reportId}/stop")] HttpRequest request,
        string patientId,
        string reportId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ReportStop>(request, cancellationToken, async (caller, body) =>
            ApiResults.Versioned(request, await stop.ExecuteAsync(caller, patientId, reportId, request.Headers.IfMatch.ToString(), body, cancellationToken), ReportedItemView.From));

    [Function("ReconcileReportedItem")]
    [ApiOperation(
        "Reconcile a report into the record: accept, edit, or reject with a note.",
        Description = "For clinicians. Accepted or edited, the report becomes a record item (medications or allergies) whose first version is the report as the patient made it and whose second is what the clinician recorded; the report names the item. Rejected needs a note. The patient is told. 409 when it was reconciled already.",
        IfMatch = true)]
    [ApiRequest(typeof(ReportReconciliation))]
    [ApiResponse(200, typeof(ReportedItemView), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Reconcile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/reported-items/{reportId}/reconcile")] HttpRequest request,
        string patientId,
        string reportId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ReportReconciliation>(request, cancellationToken, async (caller, body) =>
            ApiResults.Versioned(request, await reconcile.ExecuteAsync(caller, patientId, reportId, request.Headers.IfMatch.ToString(), body, cancellationToken), ReportedItemView.From));

    private static IActionResult Created(HttpRequest request, string patientId, Result<Versioned<ReportedItem>> result) =>
        ApiResults.From(request, result, created =>
        {
            request.HttpContext.Response.Headers.Location = $"/api/patients/{patientId}/reported-items/{created.Value.ReportId}";
            request.HttpContext.Response.Headers.ETag = created.ETag;
            return ApiResults.Json(ReportedItemView.From(created.Value), StatusCodes.Status201Created);
        });

    private static string? Key(HttpRequest request) => request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null;
}
