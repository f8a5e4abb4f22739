using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Journal;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Journal;

/// <summary>The patient's personal health journal: entries between visits, kept by the patient or a caregiver with records.write.</summary>
[Description("Personal health journal: symptoms, side effects, home measurements, mood, sleep and notes; questions for the next visit; sharing with the care team.")]
public sealed class JournalFunctions(PortalHttp http, AddJournalEntry add, ListJournal list, ReadJournalEntry read, ChangeJournalEntry change)
{
    [Function("AddJournalEntry")]
    [ApiOperation(
        "Write a journal entry.",
        Description = "For the patient and caregivers with `records.write`. `kind` says which detail to send: `symptom` (what, severity 0–10, durationMinutes), `sideEffect` (what, medication, severity), `measurement` (bloodPressure: systolic/diastolic[/pulse]; weight: kg or [lb_av]; glucose: mg/dL or mmol/L; temperature: Cel or [degF]; peakFlow: L/min), `wellBeing` (mood 0–10, sleepHours, activityMinutes) or `note`. Values outside what can be real, a time in the future and text over 4,000 characters are field errors. Private until the patient's side shares it. With an Idempotency-Key a retry answers with the same entry.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(JournalEntryRequest))]
    [ApiResponse(201, typeof(JournalEntry), Description = "Written.", ETag = true, Location = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/journal")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<JournalEntryRequest>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await add.ExecuteAsync(caller, patientId, body, PortalHttp.IdempotencyKeyOf(request), cancellationToken), written =>
            {
                request.HttpContext.Response.Headers.ETag = written.ETag;
                request.HttpContext.Response.Headers.Location = $"/api/patients/{patientId}/journal/{written.Value.EntryId}";
                return ApiResults.Json(written.Value, StatusCodes.Status201Created);
            }));

    [Function("ListJournal")]
    [ApiOperation(
        "The journal, newest first.",
        Description = "For the patient and caregivers with `records.read` (every entry) and clinicians (the entries the patient's side shared). Days are the clinic's calendar.")]
    [ApiQuery("kind", typeof(JournalKind), "Only this kind.")]
    [ApiQuery("from", typeof(DateOnly), "From this day (YYYY-MM-DD).")]
    [ApiQuery("until", typeof(DateOnly), "Up to and including this day.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(JournalPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/journal")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var filter = JournalFilter.From(request);
            if (!filter.Succeeded)
            {
                return ApiResults.Problem(request, filter.Failure);
            }

            var (kind, from, until) = filter.Value;
            var result = await list.ExecuteAsync(caller, patientId, kind, from, until, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new JournalPage(page.Items, page.ContinuationToken)));
        });

    [Function("ReadJournalEntry")]
    [ApiOperation("One journal entry with its ETag.", Description = "Clinicians see it once shared.")]
    [ApiResponse(200, typeof(JournalEntry), ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/journal/{entryId}")] HttpRequest request,
        string patientId,
        string entryId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.Versioned(request, await read.ExecuteAsync(caller, patientId, entryId, cancellationToken), entry => entry));

    [Function("EditJournalEntry")]
    [ApiOperation(
        "Replace a journal entry (If-Match).",
        Description = "The patient edits any entry of their journal, a caregiver with `records.write` the entries they wrote. The same rules as a new entry; a shared entry stays shared.",
        IfMatch = true)]
    [ApiRequest(typeof(JournalEntryRequest))]
    [ApiResponse(200, typeof(JournalEntry), ETag = true)]
    [ApiProblems(400, 403, 404, 412, 428)]
    public Task<IActionResult> Edit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "patients/{patientId}/journal/{entryId}")] HttpRequest request,
        string patientId,
        string entryId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<JournalEntryRequest>(request, cancellationToken, async (caller, body) =>
            ApiResults.Versioned(request, await change.EditAsync(caller, patientId, entryId, request.Headers.IfMatch.ToString(), body, cancellationToken), entry => entry));

    [Function("DeleteJournalEntry")]
    [ApiOperation(
        "Delete a journal entry (If-Match).",
        Description = "As for edits. An entry already shared with the care team is corrected, not deleted (409).",
        IfMatch = true)]
    [ApiResponse(204)]
    [ApiProblems(403, 404, 409, 412, 428)]
    public Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "patients/{patientId}/journal/{entryId}")] HttpRequest request,
        string patientId,
        string entryId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await change.DeleteAsync(caller, patientId, entryId, request.Headers.IfMatch.ToString(), cancellationToken), _ => new NoContentResult()));
}

/// <summary>The journal list's <c>kind</c>, <c>from</c> and <c>until</c> query parameters.</summary>
internal static class JournalFilter
{
    public static Result<(JournalKind? Kind, DateOnly? From, DateOnly? Until)> From(HttpRequest request)
    {
        var errors = new FieldErrors();
        JournalKind? kind = null;
        if (request.Query["kind"].ToString() is { Length: > 0 } kindText)
        {
            var known = Enum.GetValues<JournalKind>().Where(k => string.Equals(k.ToString(), kindText, StringComparison.OrdinalIgnoreCase)).ToList();
            errors.Require(known.Count == 1, "kind", "symptom, sideEffect, measurement, wellBeing or note.");
            kind = known.Count == 1 ? known[0] : null;
        }

        DateOnly? Day(string name)
        {
            var text = request.Query[name].ToString();
            if (text.Length == 0)
            {
                return null;
            }

            var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day);
            errors.Require(ok, name, "A day, YYYY-MM-DD.");
            return ok ? day : null;
        }

        var (from, until) = (Day("from"), Day("until"));
        return errors.ToFailure() is { } invalid ? invalid : (kind, from, until);
    }
}
