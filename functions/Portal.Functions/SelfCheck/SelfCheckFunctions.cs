using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.SelfCheck;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.SelfCheck;

/// <summary>The portal self-check: the guide's questions answered from the patient's own use of the portal.</summary>
[Description("The portal self-check: five habits and the tip to explore every section, answered from your own use of the portal.")]
public sealed class SelfCheckFunctions(PortalHttp http, GetSelfCheck check, ConfirmSection confirm)
{
    [Function("GetSelfCheck")]
    [ApiOperation(
        "The portal self-check.",
        Description = "Six answers over the last six months — reviewing what is posted, asking questions by message, keeping information current, logging in regularly, keeping the login secure, and exploring every section — each a status (good, couldBeBetter, needsAttention) with its numbers, what is still open and one next step with a link. For the patient and caregivers with `records.read` (who also get their own habits in `yourHabits`); staff 403. Texts in the patient's language unless `lang` says otherwise.")]
    [ApiQuery("lang", typeof(string), "en or es.")]
    [ApiResponse(200, typeof(SelfCheckReport))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/self-check")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var language = request.Query["lang"].ToString();
            return ApiResults.From(request, await check.ExecuteAsync(caller, patientId, language is "" ? null : language, cancellationToken), report => ApiResults.Json(report));
        });

    [Function("ConfirmSection")]
    [ApiOperation(
        "Confirm a section is still correct.",
        Description = "Records today as the day the patient's side checked the section (profile, medications, allergies or emergencyContacts); the self-check counts a section older than 12 months as stale. A caregiver needs the section's write scope (profile.write, records.write).")]
    [ApiRequest(typeof(SectionConfirmation))]
    [ApiResponse(200, typeof(SectionConfirmations))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Confirm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/self-check/confirmations")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<SectionConfirmation>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await confirm.ExecuteAsync(caller, patientId, body, cancellationToken), confirmed => ApiResults.Json(confirmed)));
}
