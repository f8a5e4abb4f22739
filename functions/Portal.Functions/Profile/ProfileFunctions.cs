using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Profile;
using Portal.Functions.Http;

namespace Portal.Functions.Profile;

/// <summary>A patient's profile: read with its ETag, change with a merge patch and If-Match.</summary>
public sealed class ProfileFunctions(PortalHttp http, GetProfile getProfile, ChangeProfile changeProfile)
{
    [Function("GetProfile")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/profile")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.Versioned(request, await getProfile.ExecuteAsync(caller, patientId, cancellationToken), profile => profile));

    [Function("ChangeProfile")]
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
