using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Scheduling;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Scheduling;

/// <summary>Open slots for booking, the staff's approval queue, and the schedule sweep (claims and reminders).</summary>
[Description("Open slots computed from the clinic's templates minus bookings and holds, the approval queue, and the sweep that reconciles claims and sends reminders.")]
public sealed class ScheduleFunctions(PortalHttp http, FindSlots findSlots, ListRequests listRequests, ViewProviderDays viewDays, SweepSchedule sweep)
{
    [Function("FindSlots")]
    [ApiOperation(
        "Open slots of a visit type, in the clinic's time zone with offsets.",
        Description = "For anyone signed in (no patient data). Patients see slots inside the visit type's minimum notice and booking horizon; staff (roles that book for patients) see every future slot. Without `provider`, every provider offering the visit type. One provider and up to 7 days costs two storage requests.")]
    [ApiQuery("visitType", typeof(string), "The visit type's id.", Required = true)]
    [ApiQuery("provider", typeof(string), "A provider's id; all providers when absent.")]
    [ApiQuery("from", typeof(DateOnly), "First date (clinic's calendar, yyyy-MM-dd); today when absent.")]
    [ApiQuery("to", typeof(DateOnly), "Last date, at most 13 days after `from`; `from` + 6 when absent.")]
    [ApiResponse(200, typeof(SlotSearch))]
    [ApiProblems(400)]
    public Task<IActionResult> Slots(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedule/slots")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var query = request.Query;
            var result = await findSlots.ExecuteAsync(caller, query["visitType"].ToString(), query["provider"].ToString(), query["from"].ToString(), query["to"].ToString(), cancellationToken);
            return ApiResults.From(request, result, found => ApiResults.Json(found));
        });

    [Function("ListAppointmentRequests")]
    [ApiOperation("The approval queue: requested appointments on hold, soonest hold end first.", Description = "For FrontDesk, Clinician and Admin. Approve or decline each through the patient's appointment.")]
    [ApiQuery("provider", typeof(string), "One provider's requests only; all providers when absent.")]
    [ApiResponse(200, typeof(RequestQueue))]
    [ApiProblems(403)]
    public Task<IActionResult> Requests(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedule/requests")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await listRequests.ExecuteAsync(caller, request.Query["provider"].ToString(), cancellationToken), holds => ApiResults.Json(new RequestQueue([.. holds.Select(HeldRequest.From)]))));

    [Function("ViewProviderDays")]
    [ApiOperation(
        "A provider's day or week: every appointment with its status and the patient's confirmation.",
        Description = "For FrontDesk, Clinician and Admin. Statuses: requested, booked, confirmed (the patient replied C), checkedIn, completed, cancelled, lateCancel, noShow, declined. Book, move and cancel on a patient's behalf through the patient's appointments; find the patient with the staff patient search.")]
    [ApiQuery("provider", typeof(string), "The provider's id.", Required = true)]
    [ApiQuery("date", typeof(DateOnly), "The first day (clinic's calendar, yyyy-MM-dd); today when absent.")]
    [ApiQuery("days", typeof(int), "1 (default) to 7: a week view.")]
    [ApiResponse(200, typeof(ProviderDays))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> Days(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedule/day")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var daysText = request.Query["days"].ToString();
            if (!int.TryParse(daysText is "" ? "1" : daysText, out var dayCount))
            {
                return ApiResults.Problem(request, Portal.Core.Common.Failure.Invalid("days", "A whole number from 1 to 7."));
            }

            var result = await viewDays.ExecuteAsync(caller, request.Query["provider"].ToString(), request.Query["date"].ToString(), dayCount, cancellationToken);
            return ApiResults.From(request, result, found => ApiResults.Json(found));
        });

    [Function("SweepSchedule")]
    public Task Sweep([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.ExecuteAsync(cancellationToken);
}
