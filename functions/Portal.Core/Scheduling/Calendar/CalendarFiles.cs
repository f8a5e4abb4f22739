using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling.Calendar;

/// <summary>
/// Use cases: one appointment as an <c>.ics</c> file, and the patient's calendar subscription: a secret token made
/// (with multi-factor sign-in) or revoked by the patient or a caregiver, and the feed calendar apps fetch with it and
/// no sign-in (they cannot sign in): the visits from 90 days back, each fetch audited as the feed's.
/// </summary>
public sealed class CalendarFiles(AppointmentScope scope, ICalendarTokens tokens, IAuditLog audit)
{
    /// <summary>How far back the feed reaches.</summary>
    public static readonly TimeSpan FeedHistory = TimeSpan.FromDays(90);

    /// <summary>One appointment's calendar file; 404/403 as reading it.</summary>
    public async Task<Result<string>> OneAsync(Caller caller, string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/appointments/{appointmentId}/calendar.ics", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await scope.Appointments.FindAsync(patientId, appointmentId, cancellationToken);
        await scope.RecordAsync(visit.Value, found is not null, cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("The appointment");
        }

        var view = scope.View(found, await scope.SetupAsync(cancellationToken));
        return AppointmentCalendar.Render([view], scope.Clinic.Name, scope.Clinic.TimeZone, scope.Now);
    }

    /// <summary>A new feed token for the patient (the earlier one stops working): the patient's side only, with MFA.</summary>
    public async Task<Result<CalendarFeed>> CreateFeedAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/calendar-feed", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        Result<CalendarFeed> outcome;
        if (AppointmentScope.ByStaff(visit.Value))
        {
            outcome = new Failure(FailureKind.Forbidden, "A calendar feed is made by the patient or their caregiver.");
        }
        else if (!caller.HasMfa)
        {
            outcome = new Failure(FailureKind.StepUpRequired, "Making a calendar feed needs multi-factor sign-in.");
        }
        else
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            await tokens.ReplaceAsync(patientId, Hash(token), caller.Subject, scope.Now, cancellationToken);
            outcome = new CalendarFeed(token, $"/api/calendar/{token}.ics", scope.Now);
        }

        await scope.RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome;
    }

    /// <summary>Ends the patient's feed: the patient's side only; 404 when there is none.</summary>
    public async Task<Result<bool>> RevokeFeedAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/calendar-feed", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        Result<bool> outcome = AppointmentScope.ByStaff(visit.Value)
            ? new Failure(FailureKind.Forbidden, "A calendar feed is ended by the patient or their caregiver.")
            : await tokens.RevokeAsync(patientId, cancellationToken) ? true : Failure.NotFound("The calendar feed");
        await scope.RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome;
    }

    /// <summary>The feed of a token: the patient's visits from 90 days back; 404 for a token that is unknown or revoked.</summary>
    public async Task<Result<string>> FeedAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 100)
        {
            return Failure.NotFound("The calendar feed");
        }

        var hash = Hash(token);
        var patientId = await tokens.FindAsync(hash, cancellationToken);
        if (patientId is null)
        {
            return Failure.NotFound("The calendar feed");
        }

        var now = scope.Now;
        var appointments = (await scope.Appointments.ListAsync(patientId, cancellationToken)).Where(a => a.Value.End >= now - FeedHistory).OrderBy(a => a.Value.Start);
        var setup = await scope.SetupAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent(now, $"calendar-feed:{hash[..12]}", "Calendar feed", "calendar feed", null, patientId, "appointments.read",
            $"calendar/{hash[..12]}", AuditOutcome.Success, null, Activity.Current?.TraceId.ToString()), cancellationToken);
        return AppointmentCalendar.Render(appointments.Select(a => scope.View(a, setup)), scope.Clinic.Name, scope.Clinic.TimeZone, now);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>A calendar subscription: shown once; whoever has the address sees the patient's visit times.</summary>
/// <param name="Token">The secret.</param>
/// <param name="Path">The feed's path on the API (<c>/api/calendar/{token}.ics</c>; calendar apps take it as https:// or webcal://).</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record CalendarFeed(string Token, string Path, DateTimeOffset CreatedAt);
