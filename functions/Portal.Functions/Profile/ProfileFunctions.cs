using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Profile;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Profile;

/// <summary>A patient's profile: read with its ETag, change with a merge patch and If-Match.</summary>
[Description("A patient's demographics, contact details, preferences, consents and insurance.")]
public sealed class ProfileFunctions(PortalHttp http, GetProfile getProfile, ChangeProfile changeProfile)
{
    [Function("GetProfile")]
    [ApiOperation("The patient's profile.", Description = "For the patient, caregivers with the profile scope, and staff whose role covers profiles. The ETag header carries the version to send back in If-Match.")]
    [ApiResponse(200, typeof(PatientProfile), Description = "The profile.", ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/profile")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.Versioned(request, await getProfile.ExecuteAsync(caller, patientId, cancellationToken), profile => profile));

    [Function("ChangeProfile")]
    [ApiOperation(
        "Change the profile with a JSON merge patch.",
        Description = "A JSON merge patch (RFC 7396) applied to the stored profile, then validated as a whole; unknown fields, wrong types and broken rules are field errors. Clinic-owned fields (MRN, names, date of birth) may be sent back unchanged but not changed. Changing the phone number or e-mail address needs a multi-factor sign-in: without it the answer is 401 with a claims challenge in WWW-Authenticate.",
        IfMatch = true)]
    [ApiRequest(typeof(ProfileChange), ContentType = "application/merge-patch+json")]
    [ApiResponse(200, typeof(PatientProfile), Description = "Changed: the whole new profile.", ETag = true)]
    [ApiProblems(400, 403, 404, 412, 428)]
    public Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "patients/{patientId}/profile")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<string>(request, cancellationToken, async (caller, patch) =>
            ApiResults.Versioned(
                request,
                await changeProfile.ExecuteAsync(caller, patientId, request.Headers.IfMatch.ToString(), patch, cancellationToken),
                profile => profile));
}
