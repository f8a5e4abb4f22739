using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Scheduling.Setup;
using Portal.Core.Scheduling.Waitlist;

namespace Portal.Core.Scheduling;

/// <summary>
/// The one way an appointment and its claim change together: the claim index first (units claimed with a check row),
/// the reminders, then the chart (appointment + notice in one transaction), then the day-view row mirrors the chart,
/// then the check row goes (and, for a move or a release, the units no longer held). A failure in between leaves a check row that the sweep reconciles with
/// the chart; a retry of the same request finds its own units and goes on. A time released is offered to the waitlist.
/// </summary>
public sealed partial class SlotBooking(
    IAppointments appointments, ISlotClaims claims, IReminders reminders, IProviderDays days, INoticeQueue queue, WaitlistOffers offers, ILogger<SlotBooking> logger)
{
    /// <summary>How long a claim may wait for its chart write before the sweep reconciles it.</summary>
    public static readonly TimeSpan CheckGrace = TimeSpan.FromMinutes(2);

    /// <summary>Claims the slot and writes the new appointment with its notice; 409 when the time is taken.</summary>
    public async Task<Result<Versioned<Appointment>>> AddAsync(Appointment appointment, VisitType visitType, Notice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = appointment.Claim;
        if (!await claims.ClaimAsync(claim, claim.HoldUntil ?? now + CheckGrace, cancellationToken))
        {
            return Taken();
        }

        if (appointment.Status != AppointmentStatus.Requested)
        {
            await reminders.ScheduleAsync(Reminder.For(appointment, visitType, now), cancellationToken);
        }

        string eTag;
        try
        {
            eTag = await appointments.AddAsync(appointment, notice, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A retry of a booking that landed: the chart has it.
            if (await appointments.FindAsync(appointment.PatientId, appointment.AppointmentId, cancellationToken) is not { } landed)
            {
                return new Failure(FailureKind.Conflict, "The appointment is being written; try again.");
            }

            await RecordAsync(landed.Value, null, cancellationToken);
            return landed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await TryReleaseAsync(claim, cancellationToken);
            throw;
        }

        await RecordAsync(appointment, null, cancellationToken);
        if (claim.HoldUntil is null)
        {
            // A request keeps its check row until staff decide or the hold ends.
            await SettleAsync(claim, release: false, keep: null, cancellationToken);
        }

        await queue.TryEnqueueAsync(notice, logger, cancellationToken);
        return new Versioned<Appointment>(appointment, eTag);
    }

    /// <summary>Claims the new time first, writes the moved appointment, then releases the old time; 409/412.</summary>
    public async Task<Result<Versioned<Appointment>>> MoveAsync(
        Appointment before, Appointment after, string eTag, VisitType visitType, Notice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (oldClaim, newClaim) = (before.Claim, after.Claim);
        if (!await claims.ClaimAsync(newClaim, newClaim.HoldUntil ?? now + CheckGrace, cancellationToken))
        {
            return Taken();
        }

        await claims.IntendAsync(oldClaim, now + CheckGrace, cancellationToken);
        if (after.Status != AppointmentStatus.Requested)
        {
            await reminders.ScheduleAsync(Reminder.For(after, visitType, now), cancellationToken);
        }

        var written = await ReplaceAsync(after, eTag, notice, cancellationToken);
        if (!written.Succeeded)
        {
            // The chart did not change: the old time stays, the new one goes.
            await TryReleaseAsync(newClaim, cancellationToken, keep: oldClaim);
            await SettleAsync(oldClaim, release: false, keep: null, cancellationToken);
            return written.Failure;
        }

        await RecordAsync(after, before, cancellationToken);
        await SettleAsync(newClaim, release: false, keep: null, cancellationToken);
        if (await SettleAsync(oldClaim, release: true, keep: newClaim, cancellationToken))
        {
            await OfferAsync(before with { UpdatedAt = after.UpdatedAt }, visitType, now, cancellationToken);
        }

        return written;
    }

    /// <summary>Writes an appointment that no longer holds its slot (cancelled, declined), then releases the slot and offers it to the waitlist; 412.</summary>
    public async Task<Result<Versioned<Appointment>>> ReleaseAsync(
        Appointment before, Appointment after, string eTag, VisitType? visitType, Notice? notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = before.Claim;
        await claims.IntendAsync(claim, now + CheckGrace, cancellationToken);
        var written = await ReplaceAsync(after, eTag, notice, cancellationToken);
        if (written.Succeeded)
        {
            await RecordAsync(after, null, cancellationToken);
        }

        if (await SettleAsync(claim, release: written.Succeeded, keep: null, cancellationToken) && written.Succeeded)
        {
            await OfferAsync(after with { Start = before.Start, End = before.End, ProviderId = before.ProviderId }, visitType, now, cancellationToken);
        }

        return written;
    }

    /// <summary>Offers a released time to the waitlist; a failure is logged (the release stands, the time is open to everyone).</summary>
    public async Task OfferAsync(Appointment released, VisitType? visitType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await offers.OfferAsync(released, visitType, now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogOfferFailed(logger, e.GetType().Name);
        }
    }

    /// <summary>Writes a change that keeps the slot (approved, confirmed, checked in); an approval also plans the reminders.</summary>
    public async Task<Result<Versioned<Appointment>>> KeepAsync(
        Appointment before, Appointment after, string eTag, VisitType? visitType, Notice? notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (before.Status == AppointmentStatus.Requested && after.Status == AppointmentStatus.Booked && visitType is not null)
        {
            await reminders.ScheduleAsync(Reminder.For(after, visitType, now), cancellationToken);
        }

        var written = await ReplaceAsync(after, eTag, notice, cancellationToken);
        if (written.Succeeded)
        {
            await RecordAsync(after, null, cancellationToken);
        }

        if (written.Succeeded && before.Status == AppointmentStatus.Requested && after.Status != AppointmentStatus.Requested)
        {
            // The hold's check row is no longer needed: the chart says booked.
            await SettleAsync(after.Claim, release: false, keep: null, cancellationToken);
        }

        return written;
    }

    private async Task<Result<Versioned<Appointment>>> ReplaceAsync(Appointment appointment, string eTag, Notice? notice, CancellationToken cancellationToken)
    {
        try
        {
            var newETag = await appointments.ReplaceAsync(appointment, eTag, notice, cancellationToken);
            if (notice is not null)
            {
                await queue.TryEnqueueAsync(notice, logger, cancellationToken);
            }

            return new Versioned<Appointment>(appointment, newETag);
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, "The appointment changed since you read it; read it again.");
        }
    }

    /// <summary>The day view mirrors the chart after it changed; a failure is logged and leaves it stale until the appointment's next change.</summary>
    public async Task RecordAsync(Appointment appointment, Appointment? before, CancellationToken cancellationToken)
    {
        try
        {
            await days.RecordAsync(appointment, before, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDayViewFailed(logger, e.GetType().Name);
        }
    }

    // True when settled; false leaves the check row for the sweep (which then settles it, and offers a released time).
    private async Task<bool> SettleAsync(SlotClaim claim, bool release, SlotClaim? keep, CancellationToken cancellationToken)
    {
        try
        {
            await claims.SettleAsync(claim, release, keep, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The chart is written; the check row stays and the sweep settles it.
            LogSettleFailed(logger, e.GetType().Name);
            return false;
        }
    }

    private async Task TryReleaseAsync(SlotClaim claim, CancellationToken cancellationToken, SlotClaim? keep = null)
    {
        try
        {
            await claims.SettleAsync(claim, release: true, keep, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSettleFailed(logger, e.GetType().Name);
        }
    }

    private static Failure Taken() => new(FailureKind.Conflict, "This time was just taken. Please pick another time.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the day view failed ({ExceptionType}); it shows the earlier state until the next change.")]
    private static partial void LogDayViewFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offering a released time to the waitlist failed ({ExceptionType}); the time is open to everyone.")]
    private static partial void LogOfferFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling a slot claim failed ({ExceptionType}); the schedule sweep will reconcile it.")]
    private static partial void LogSettleFailed(ILogger logger, string exceptionType);
}
