using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Caregivers;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Caregivers;

/// <summary>The patient's caregivers: invitations, grants, changes and revocations.</summary>
[Description("Caregiver (proxy) access the patient manages: invitations, scoped and expiring grants, changes and revocations.")]
public sealed class CaregiverFunctions(
    PortalHttp http, InviteCaregiver invite, CancelInvitation cancel, ListProxies list, ChangeGrant change, RevokeGrant revoke)
{
    [Function("InviteCaregiver")]
    [ApiOperation(
        "Invite a caregiver: a one-time code goes to their e-mail or phone.",
        Description = "The patient only, with a multi-factor sign-in. Scopes: records, results, appointments, messages, billing, prescriptions, profile, each .read or .write; an optional last day of access (clinic time). The code (14 days, five wrong answers lock it) is sent to the caregiver, never shown here; they redeem it signed in with their own account, with the patient's date of birth or the code word set here. The patient gets a security notice. With an Idempotency-Key a retry answers with the same invitation and sends nothing twice.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewInvitation))]
    [ApiResponse(201, typeof(CaregiverInvitation), Description = "Sent.")]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Invite(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/proxies/invitations")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewInvitation>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(
                request,
                await invite.ExecuteAsync(caller, patientId, body, PortalHttp.IdempotencyKeyOf(request), cancellationToken),
                invitation => ApiResults.Json(CaregiverInvitation.From(invitation, "pending"), StatusCodes.Status201Created)));

    [Function("CancelCaregiverInvitation")]
    [ApiOperation("Withdraw an invitation not yet redeemed; its code stops working at once.", Description = "For the patient (and the front desk and administrators). A redeemed invitation is 409: revoke the grant instead.")]
    [ApiResponse(204)]
    [ApiProblems(403, 404, 409)]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "patients/{patientId}/proxies/invitations/{invitationId}")] HttpRequest request,
        string patientId,
        string invitationId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await cancel.ExecuteAsync(caller, patientId, invitationId, cancellationToken), _ => new NoContentResult()));

    [Function("ListCaregivers")]
    [ApiOperation("The patient's caregivers: grants (current and ended) and invitations.", Description = "For the patient, the front desk and administrators; caregivers never see other caregivers (403). Each grant carries its ETag for PATCH and DELETE.")]
    [ApiResponse(200, typeof(CaregiverList))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/proxies")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await list.ExecuteAsync(caller, patientId, cancellationToken), overview => ApiResults.Json(CaregiverList.From(overview))));

    [Function("ChangeCaregiverGrant")]
    [ApiOperation(
        "Narrow or widen a caregiver's scopes, or change the last day of access.",
        Description = "Multi-factor sign-in and If-Match (the grant's ETag). Only what is sent changes; `removeEndDate` makes access open-ended. Narrowing takes effect on the caregiver's next request. Both are told.",
        IfMatch = true)]
    [ApiRequest(typeof(GrantChange))]
    [ApiResponse(200, typeof(CaregiverGrant), Description = "Changed.", ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "patients/{patientId}/proxies/{grantId}")] HttpRequest request,
        string patientId,
        string grantId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<GrantChange>(request, cancellationToken, async (caller, body) =>
        {
            var result = await change.ExecuteAsync(caller, patientId, grantId, request.Headers.IfMatch.ToString(), body, cancellationToken);
            return ApiResults.Versioned(request, result, grant => CaregiverGrant.From(grant, "active", result.Value!.ETag));
        });

    [Function("RevokeCaregiverGrant")]
    [ApiOperation(
        "Revoke a caregiver's access.",
        Description = "Effective on the caregiver's next request. For the patient, the front desk and administrators; If-Match is optional. Both are told; revoking an ended grant again changes nothing.")]
    [ApiResponse(204)]
    [ApiProblems(403, 404, 412)]
    public Task<IActionResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "patients/{patientId}/proxies/{grantId}")] HttpRequest request,
        string patientId,
        string grantId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await revoke.ExecuteAsync(caller, patientId, grantId, request.Headers.IfMatch.ToString(), cancellationToken), _ => new NoContentResult()));
}
