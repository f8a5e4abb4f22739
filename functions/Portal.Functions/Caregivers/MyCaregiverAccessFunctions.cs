using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Caregivers;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Caregivers;

/// <summary>The caregiver's side: redeeming an invitation, ending one's own access.</summary>
[Description("A caregiver redeems an invitation with their own account, or ends their own access.")]
public sealed class MyCaregiverAccessFunctions(PortalHttp http, RedeemInvitation redeem, EndMyAccess end)
{
    [Function("RedeemCaregiverInvitation")]
    [ApiOperation(
        "Redeem a caregiver invitation with the patient's date of birth (or the code word).",
        Description = "Signed in with your own account. A wrong date of birth or code word is a field error; five of them lock the code (429). Access starts at once; the patient and you are told.")]
    [ApiRequest(typeof(InvitationAnswer))]
    [ApiResponse(200, typeof(CaregiverAccess), Description = "Access granted: the patient as your account switcher shows them.")]
    [ApiProblems(400, 409, 429)]
    public Task<IActionResult> Redeem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/proxy-invitations/redeem")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<InvitationAnswer>(request, cancellationToken, async (caller, answer) =>
            ApiResults.From(request, await redeem.ExecuteAsync(caller, answer, cancellationToken), grant => ApiResults.Json(CaregiverAccess.From(grant))));

    [Function("EndMyCaregiverAccess")]
    [ApiOperation("End your own caregiver access to a patient.", Description = "Effective at once; the patient and you are told. 404 when you have no grant to the patient.")]
    [ApiResponse(204)]
    [ApiProblems(404)]
    public Task<IActionResult> End(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "me/proxies/{patientId}")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await end.ExecuteAsync(caller, patientId, cancellationToken), _ => new NoContentResult()));
}
