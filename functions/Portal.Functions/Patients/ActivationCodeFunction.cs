using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Patients;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Patients;

/// <summary><c>POST /api/patients/{patientId}/activation-code</c>: the front desk re-issues a lost, expired or locked activation code.</summary>
public sealed class ActivationCodeFunction(PortalHttp http, ReissueActivationCode reissue)
{
    [Function("ReissueActivationCode")]
    [ApiOperation(
        "Issue a new activation code for a patient who has not activated yet (FrontDesk, Admin).",
        Tag = "Patients",
        NoRequestBody = true,
        Description = "The new code ends any earlier unused one. Answers 200, not 201: the code is handed over once and is not a resource "
            + "one can read again. A retry is safe: it ends the code the lost answer carried. 409 once the patient has activated their account.")]
    [ApiResponse(200, typeof(IssuedActivationCode))]
    [ApiProblems(403, 404, 409)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/activation-code")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller => ApiResults.From(
            request,
            await reissue.ExecuteAsync(caller, patientId, cancellationToken),
            issued => ApiResults.Json(new IssuedActivationCode(issued.PatientId, issued.ActivationCode, issued.ExpiresAt))));
}
