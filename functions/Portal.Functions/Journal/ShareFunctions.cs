using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Journal;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Journal;

/// <summary>Sharing days of the journal with the care team, on the patient's side's request only.</summary>
[Description("Sharing the journal with the care team: a PDF in a conversation, or FHIR resources with Provenance.")]
public sealed class ShareFunctions(PortalHttp http, ShareJournal share, ListShares list)
{
    [Function("ShareJournal")]
    [ApiOperation(
        "Share the journal of a range of days with the care team.",
        Description = "For the patient and caregivers with `records.write`. `as: message` sends a PDF of the entries in a new conversation with the care team (a caregiver needs `messages.write` too); `as: fhir` serves them in the FHIR API as Observation (home measurements) and QuestionnaireResponse resources with a Provenance naming the patient as author. Either way the care team sees those entries from then on. At most 366 days, up to today; 400 when nothing is in the range. With an Idempotency-Key a retry answers with the same share and sends nothing twice.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(ShareRequest))]
    [ApiResponse(201, typeof(JournalShare))]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Share(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/journal/shares")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ShareRequest>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await share.ExecuteAsync(caller, patientId, body, PortalHttp.IdempotencyKeyOf(request), cancellationToken),
                shared => ApiResults.Json(shared, StatusCodes.Status201Created)));

    [Function("ListJournalShares")]
    [ApiOperation("What the patient's side has shared with the care team, newest first.", Description = "For the patient, caregivers with `records.read` and clinicians.")]
    [ApiResponse(200, typeof(ShareList))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/journal/shares")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await list.ExecuteAsync(caller, patientId, cancellationToken), shares => ApiResults.Json(new ShareList(shares))));
}
