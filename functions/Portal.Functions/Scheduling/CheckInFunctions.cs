using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Scheduling.CheckIn;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Scheduling;

/// <summary>Online check-in before a visit: confirm contact details and insurance, answer the visit type's questionnaire.</summary>
[Description("Pre-visit check-in, from 3 days before a visit until it starts; the answers are kept as a FHIR QuestionnaireResponse and the day view shows who checked in.")]
public sealed class CheckInFunctions(PortalHttp http, GetCheckIn get, CheckInOnline checkIn)
{
    private const string Path = "patients/{patientId}/appointments/{appointmentId}/check-in";

    [Function("GetCheckIn")]
    [ApiOperation("A visit's check-in: its window, the questionnaire, and the answers so far.", Description = "The ETag header is the check-in's (`W/\"none\"` before check-in: If-Match with it checks in only if nobody did meanwhile). Contact details and insurance are read and changed in the profile (`profileUrl`).")]
    [ApiResponse(200, typeof(CheckInView), ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Path)] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller => Answer(request, await get.ExecuteAsync(caller, patientId, appointmentId, cancellationToken)));

    [Function("CheckInOnline")]
    [ApiOperation(
        "Check in before a visit.",
        Description = "For the patient, caregivers with `appointments.write`, and staff for them; from 3 days before the visit (the clinic's wall clock) until it starts, for a booked or confirmed visit (409 otherwise, saying when check-in opens). Both confirmations must be true (they record that the patient checked the profile's contact details and insurance, with the time); required questions need an answer of their type (400 with a field per problem). Sending it again replaces it; with If-Match a stale check-in is 412.",
        IfMatch = true)]
    [ApiRequest(typeof(CheckInRequest))]
    [ApiResponse(200, typeof(CheckInView), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412)]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Path)] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<CheckInRequest>(request, cancellationToken, async (caller, body) =>
        {
            var ifMatch = request.Headers.IfMatch.ToString();
            return Answer(request, await checkIn.ExecuteAsync(caller, patientId, appointmentId, body, ifMatch is "" ? null : ifMatch, cancellationToken));
        });

    private static IActionResult Answer(HttpRequest request, Result<CheckInView> result) =>
        ApiResults.From(request, result, view =>
        {
            request.HttpContext.Response.Headers.ETag = view.ETag;
            return ApiResults.Json(view);
        });
}
