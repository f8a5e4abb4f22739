using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Notifications;

/// <summary><c>GET/PUT /api/me/contact</c>: the signed-in person's own contact details for notices (what caregivers are told on).</summary>
[Description("Your own contact details for notices: where you hear about the patients you care for.")]
public sealed class MyContactFunctions(PortalHttp http, MyNoticeContact contact)
{
    [Function("GetMyContact")]
    [ApiOperation(
        "Your own contact details for notices.",
        Description = "Caregivers hear about what their grants cover (a new message, a result …) on these details, not on the patient's. Until first saved they are empty, with the ETag W/\"none\"; a caregiver who is a patient here too is told on their own profile's details until then.")]
    [ApiResponse(200, typeof(NoticeContact), Description = "Your details.", ETag = true)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/contact")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.Versioned(request, (Result<Versioned<NoticeContact>>)await contact.GetAsync(caller, cancellationToken), details => details));

    [Function("ChangeMyContact")]
    [ApiOperation(
        "Replace your own contact details for notices.",
        Description = "The whole details. A new phone number or e-mail address needs an MFA sign-in (401 with a claims challenge otherwise). SMS and e-mail consent need the number or address. Send the ETag last read in If-Match (W/\"none\" for the first save).",
        IfMatch = true)]
    [ApiRequest(typeof(NoticeContact))]
    [ApiResponse(200, typeof(NoticeContact), Description = "Saved.", ETag = true)]
    [ApiProblems(400, 412, 428)]
    public Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/contact")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NoticeContact>(request, cancellationToken, async (caller, change) =>
            ApiResults.Versioned(request, await contact.ChangeAsync(caller, request.Headers.IfMatch.ToString(), change, cancellationToken), details => details));
}
