using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Scheduling;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Scheduling;

/// <summary>A patient's appointments: book, list, read, move, cancel; staff approve, decline and record attendance.</summary>
[Description("Appointments in the patient's chart: booking race-proof through the provider's claim index, requests staff approve, moves, cancels with the cutoff, attendance.")]
public sealed class AppointmentFunctions(
    PortalHttp http, BookAppointment book, ListAppointments list, GetAppointment get, CancelAppointment cancel, RescheduleAppointment reschedule,
    DecideRequest decide, MarkAttendance attendance)
{
    private const string IfMatchNote = " Send the appointment's ETag in If-Match to refuse the change (412) if it changed since you read it.";

    [Function("BookAppointment")]
    [ApiOperation(
        "Book a slot for the patient.",
        Description = "For the patient, caregivers with `appointments.write`, and staff who book (FrontDesk, Clinician, Admin) on the patient's behalf. The slot must come from the slot search: aligned to the templates, open, inside notice and horizon, of a visit type this side may book (400 otherwise), not overlapping the patient's other appointments (409). Two bookings of overlapping time cannot both succeed: the loser gets 409. A visit type that needs approval makes a request (status `requested`) that holds the slot for 48 hours. With an Idempotency-Key a retry answers with the same appointment.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewAppointment))]
    [ApiResponse(201, typeof(AppointmentView), Description = "Booked (or requested).", Location = true, ETag = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Book(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/appointments")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewAppointment>(request, cancellationToken, async (caller, body) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            var result = await book.ExecuteAsync(caller, patientId, body, key is "" ? null : key, cancellationToken);
            return ApiResults.From(request, result, view =>
            {
                request.HttpContext.Response.Headers.Location = $"/api/patients/{patientId}/appointments/{view.AppointmentId}";
                request.HttpContext.Response.Headers.ETag = view.ETag;
                return ApiResults.Json(view, StatusCodes.Status201Created);
            });
        });

    [Function("ListAppointments")]
    [ApiOperation(
        "The patient's appointments.",
        Description = "`when=upcoming` (default): still to come, soonest first; `when=past`: over, cancelled or declined, latest first. Each with the visit type, provider, location (address and map link), preparation, and for a video visit the join link from 15 minutes before to the end.")]
    [ApiQuery("when", typeof(string), "upcoming (default) or past.")]
    [ApiResponse(200, typeof(AppointmentList))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/appointments")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await list.ExecuteAsync(caller, patientId, request.Query["when"].ToString(), cancellationToken), views => ApiResults.Json(new AppointmentList(views))));

    [Function("GetAppointment")]
    [ApiOperation("One appointment, with its ETag.")]
    [ApiResponse(200, typeof(AppointmentView), ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/appointments/{appointmentId}")] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller => Answer(request, await get.ExecuteAsync(caller, patientId, appointmentId, cancellationToken)));

    [Function("CancelAppointment")]
    [ApiOperation(
        "Cancel an appointment.",
        Description = "Patients and caregivers with `appointments.write` until the visit type's cutoff (default 24 hours before); inside it the answer is 409 with the clinic's phone number. Staff may still cancel; inside the cutoff it is recorded as a late cancel." + IfMatchNote,
        NoRequestBody = true)]
    [ApiResponse(200, typeof(AppointmentView), ETag = true)]
    [ApiProblems(403, 404, 409, 412)]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/appointments/{appointmentId}/cancel")] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            Answer(request, await cancel.ExecuteAsync(caller, patientId, appointmentId, IfMatch(request), cancellationToken)));

    [Function("RescheduleAppointment")]
    [ApiOperation(
        "Move an appointment to another open slot of its visit type.",
        Description = "The new time is claimed first, then the old one released. Patients move online until the cutoff, as they cancel; staff any time. 400 for a slot that may not be booked, 409 when it was just taken or overlaps another appointment." + IfMatchNote)]
    [ApiRequest(typeof(AppointmentMove))]
    [ApiResponse(200, typeof(AppointmentView), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412)]
    public Task<IActionResult> Reschedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/appointments/{appointmentId}/reschedule")] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<AppointmentMove>(request, cancellationToken, async (caller, move) =>
            Answer(request, await reschedule.ExecuteAsync(caller, patientId, appointmentId, move, IfMatch(request), cancellationToken)));

    [Function("ApproveAppointment")]
    [ApiOperation("Approve a requested appointment.", Description = "Staff who book (FrontDesk, Clinician, Admin). The patient is told it is booked; reminders are planned." + IfMatchNote, NoRequestBody = true)]
    [ApiResponse(200, typeof(AppointmentView), ETag = true)]
    [ApiProblems(403, 404, 409, 412)]
    public Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/appointments/{appointmentId}/approve")] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            Answer(request, await decide.ApproveAsync(caller, patientId, appointmentId, IfMatch(request), cancellationToken)));

    [Function("DeclineAppointment")]
    [ApiOperation("Decline a requested appointment with a reason.", Description = "Staff who book. The slot is released; the patient is told (the reason shows in the portal, never in the notice)." + IfMatchNote)]
    [ApiRequest(typeof(RequestDecline))]
    [ApiResponse(200, typeof(AppointmentView), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412)]
    public Task<IActionResult> Decline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/appointments/{appointmentId}/decline")] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<RequestDecline>(request, cancellationToken, async (caller, body) =>
            Answer(request, await decide.DeclineAsync(caller, patientId, appointmentId, body.Reason, IfMatch(request), cancellationToken)));

    [Function("MarkAttendance")]
    [ApiOperation("Record how a visit went: checkedIn, completed or noShow.", Description = "Staff who book. Checked in from an hour before the start; completed and no-show once it has started." + IfMatchNote)]
    [ApiRequest(typeof(AttendanceMark))]
    [ApiResponse(200, typeof(AppointmentView), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412)]
    public Task<IActionResult> Attendance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/appointments/{appointmentId}/attendance")] HttpRequest request,
        string patientId,
        string appointmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<AttendanceMark>(request, cancellationToken, async (caller, body) =>
            Answer(request, await attendance.ExecuteAsync(caller, patientId, appointmentId, body.Status, IfMatch(request), cancellationToken)));

    private static IActionResult Answer(HttpRequest request, Result<AppointmentView> result) =>
        ApiResults.From(request, result, view =>
        {
            request.HttpContext.Response.Headers.ETag = view.ETag;
            return ApiResults.Json(view);
        });

    private static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.ToString() is { Length: > 0 } value ? value : null;
}
