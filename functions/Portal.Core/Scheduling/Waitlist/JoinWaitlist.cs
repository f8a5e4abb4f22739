using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling.Waitlist;

/// <summary>
/// Use case: put the patient on the waitlist of a visit type with a provider (the patient, a caregiver with
/// <c>appointments.write</c>, or staff for them). The visit type must be one this side may book; the window must lie
/// ahead and inside the booking horizon. One waiting entry per visit type and provider: a second is 409. With an
/// Idempotency-Key a retry answers with the same entry.
/// </summary>
public sealed class JoinWaitlist(AppointmentScope scope, IWaitlist waitlist, IRequestReplays replays)
{
    private const string Operation = "waitlist";

    /// <summary>The new entry; 400 for bad input, 404/403 per the policy, 409 when already waiting.</summary>
    public async Task<Result<WaitlistEntryView>> ExecuteAsync(
        Caller caller, string patientId, WaitlistRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireText(request.VisitTypeId, "visitTypeId", 40);
        errors.RequireText(request.ProviderId, "providerId", 40);
        errors.Require(request.From is null || request.To is null || request.From <= request.To, "to", "On or after from.");
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var visit = await scope.OpenAsync(caller, patientId, write: true, $"patients/{patientId}/waitlist", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var setup = await scope.SetupAsync(cancellationToken);
        var outcome = await JoinAsync(visit.Value, setup, request, idempotencyKey, cancellationToken);
        await scope.RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome.Succeeded ? WaitlistEntryView.Of(outcome.Value, setup, scope.Zone, scope.Clinic.TimeZone, scope.Now) : outcome.Failure;
    }

    private async Task<Result<Versioned<WaitlistEntry>>> JoinAsync(
        ChartVisit visit, ClinicSetup setup, WaitlistRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = scope.Now;
        var claimed = await replays.ClaimAsync(
            visit.Caller.Subject, Operation, idempotencyKey, IdempotencyKeys.Hash(new { visit.PatientId, request }), () => Guid.NewGuid().ToString("N"), now, cancellationToken);
        if (!claimed.Succeeded)
        {
            return claimed.Failure;
        }

        var (replay, retry) = claimed.Value;
        if (retry && await waitlist.FindAsync(visit.PatientId, replay.ResourceId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var appointments = (await scope.Appointments.ListAsync(visit.PatientId, cancellationToken)).Select(a => a.Value).ToList();
        var window = Window(setup, request, AppointmentScope.ByStaff(visit), appointments, now);
        if (!window.Succeeded)
        {
            return window.Failure;
        }

        var entries = await waitlist.ListAsync(visit.PatientId, cancellationToken);
        if (entries.Any(e => e.Value.IsWaiting(now) && e.Value.VisitTypeId == request.VisitTypeId && e.Value.ProviderId == request.ProviderId && e.Value.EntryId != replay.ResourceId))
        {
            return new Failure(FailureKind.Conflict, "The patient is on this waitlist already; leave it first to change the dates.");
        }

        // Everything below follows from the replay, so a retry writes the very same rows.
        var (from, until) = window.Value;
        var entry = new WaitlistEntry(visit.PatientId, replay.ResourceId, request.VisitTypeId, request.ProviderId, from, until,
            WaitlistStatus.Waiting, visit.Caller.Subject, replay.CreatedAt, replay.CreatedAt);
        try
        {
            return new Versioned<WaitlistEntry>(entry, await waitlist.AddAsync(entry, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            // A retry of a join that landed: the chart has it.
            return await waitlist.FindAsync(visit.PatientId, entry.EntryId, cancellationToken) is { } landed
                ? landed
                : new Failure(FailureKind.Conflict, "The waitlist entry is being written; try again.");
        }
    }

    // [from, until): from the first date (or now) to the end of the last date, or else the patient's own visit of this
    // type with this provider, or else the horizon. Inside the horizon, ahead of now, and of a visit type this side may book.
    private Result<(DateTimeOffset From, DateTimeOffset Until)> Window(
        ClinicSetup setup, WaitlistRequest request, bool byStaff, IReadOnlyList<Appointment> appointments, DateTimeOffset now)
    {
        if (setup.VisitType(request.VisitTypeId) is not { } visitType)
        {
            return Failure.Invalid("visitTypeId", "No such visit type.");
        }

        if (setup.Provider(request.ProviderId) is not { Active: true })
        {
            return Failure.Invalid("providerId", "No such provider taking bookings.");
        }

        if (SchedulingRules.MayBook(visitType, byStaff, SchedulingRules.IsEstablished(appointments, now)) is { } refused)
        {
            return refused;
        }

        var zone = scope.Zone;
        var latest = SchedulingRules.LatestStart(visitType, byStaff, now);
        var from = request.From is { } first ? ClinicClock.At(zone, first, TimeOnly.MinValue) : now;
        from = from < now ? now : from;
        var held = Held(appointments, request.VisitTypeId, request.ProviderId, now);
        var until = request.To is { } last ? ClinicClock.At(zone, last.AddDays(1), TimeOnly.MinValue) : held?.Start ?? latest;
        var errors = new FieldErrors();
        errors.Require(request.To is null || until > now, "to", "A date from today on.");
        errors.Require(request.From is null || from <= latest, "from", $"At most {visitType.HorizonDays} days ahead.");
        errors.Require(request.To is null || until - TimeSpan.FromDays(1) <= latest, "to", $"At most {visitType.HorizonDays} days ahead.");
        errors.Require(held is null || held.Start > from, "from", "Before the patient's own visit of this type with this provider (the waitlist is for an earlier time).");
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        return (from, until);
    }

    /// <summary>The patient's earliest upcoming visit of the type with the provider, still holding its slot, or null.</summary>
    public static Appointment? Held(IEnumerable<Appointment> appointments, string visitTypeId, string providerId, DateTimeOffset now) =>
        appointments.Where(a => a.HoldsSlot && a.Start > now && a.VisitTypeId == visitTypeId && a.ProviderId == providerId).MinBy(a => a.Start);
}
