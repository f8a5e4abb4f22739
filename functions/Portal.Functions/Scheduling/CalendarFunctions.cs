using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Scheduling.Calendar;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Scheduling;

/// <summary>Appointments in calendar apps: one visit's <c>.ics</c>, and the patient's secret, revocable subscription feed.</summary>
[Description("Appointments as iCalendar (RFC 5545): one visit's file, and a subscription feed calendar apps fetch without signing in.")]
public sealed class CalendarFunctions(PortalHttp http, CalendarFiles calendars)
{
    private const string CalendarType = "text/calendar";

    [Function("GetAppointmentCalendar")]
    [ApiOperation("One appointment as an iCalendar file.", Description = "Who may read the appointment. The clinic's zone as VTIMEZONE, a stable UID, SEQUENCE bumped on each change, STATUS:CANCELLED once cancelled; never the reason for the visit.")]
    [ApiResponse(200, typeof(string), ContentType = CalendarType)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> One(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/appointments/{appointmentId}/calendar.ics")] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller => Calendar(request, await calendars.OneAsync(caller, patientId, appointmentId, cancellationToken)));

    [Function("CreateCalendarFeed")]
    [ApiOperation(
        "Make the patient's calendar subscription (a new secret address; the earlier one stops working).",
        Description = "For the patient and caregivers with `appointments.read`, with multi-factor sign-in (401 with a claims challenge otherwise). The token is shown once; anyone with the address sees the visit times, so it can be ended at any time.",
        NoRequestBody = true)]
    [ApiResponse(201, typeof(CalendarFeed))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/calendar-feed")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await calendars.CreateFeedAsync(caller, patientId, cancellationToken), feed => ApiResults.Json(feed, StatusCodes.Status201Created)));

    [Function("RevokeCalendarFeed")]
    [ApiOperation("End the patient's calendar subscription.", Description = "For the patient and caregivers with `appointments.read`. 404 when there is none.")]
    [ApiResponse(204)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "patients/{patientId}/calendar-feed")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await calendars.RevokeFeedAsync(caller, patientId, cancellationToken), _ => new NoContentResult()));

    [Function("CalendarFeed")]
    [ApiOperation(
        "The patient's calendar subscription feed.",
        Description = "No sign-in: calendar apps cannot sign in, so the secret token in the address is the key (404 once revoked). The visits from 90 days back and ahead, cancelled ones as STATUS:CANCELLED, never the reason for a visit. Every fetch is in the patient's access log.",
        Anonymous = true)]
    [ApiResponse(200, typeof(string), ContentType = CalendarType)]
    [ApiProblems(404)]
    public Task<IActionResult> Feed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar/{token}.ics")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () => Calendar(request, await calendars.FeedAsync(token, cancellationToken)));

    private static IActionResult Calendar(HttpRequest request, Result<string> result) =>
        ApiResults.From(request, result, text => new ContentResult { StatusCode = 200, ContentType = CalendarType + "; charset=utf-8", Content = text });
}
