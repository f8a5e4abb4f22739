using Microsoft.Extensions.Logging;
using Portal.Core.Notifications;
using Portal.Core.Profile;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: the schedule sweep, every 5 minutes. (1) Claim checks that are due, per provider: a claim whose chart
/// write never landed is released, one the chart confirms is settled, a request whose hold ended is declined and
/// released. (2) Reminders due in the hour buckets: each is checked against the chart (a cancelled or moved visit is
/// never reminded) and written as a notice with an id derived from the reminder, so overlapping or repeated runs
/// remind once. Cost: a query per provider and per due bucket, plus work per due check and reminder.
/// </summary>
public sealed partial class SweepSchedule(
    IClinicSetup setup, ISlotClaims claims, IAppointments appointments, IReminders reminders, IProfiles profiles,
    SlotBooking booking, INoticeQueue queue, TimeProvider clock, ILogger<SweepSchedule> logger)
{
    /// <summary>The most reminders one run handles; the rest wait for the next run.</summary>
    public const int MaxRemindersPerRun = 500;

    /// <summary>What a decline by the sweep says in the portal.</summary>
    public const string HoldEnded = "The clinic could not confirm the request in time. Please choose another time.";

    /// <summary>Runs both parts; returns what it did.</summary>
    public async Task<ScheduleSweep> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (settled, released, expired) = (0, 0, 0);
        var clinicSetup = await setup.ReadAsync(cancellationToken);
        foreach (var provider in clinicSetup.Providers)
        {
            foreach (var check in await claims.DueAsync(provider.Value.Id, now, cancellationToken))
            {
                switch (await ReconcileAsync(check, clinicSetup, now, cancellationToken))
                {
                    case ClaimOutcome.Settled: settled++; break;
                    case ClaimOutcome.Released: released++; break;
                    default: expired++; break;
                }
            }
        }

        var (sent, skipped) = (0, 0);
        foreach (var reminder in await reminders.DueAsync(now, MaxRemindersPerRun, cancellationToken))
        {
            if (await RemindAsync(reminder, cancellationToken))
            {
                sent++;
            }
            else
            {
                skipped++;
            }

            await reminders.DoneAsync(reminder, cancellationToken);
        }

        LogSwept(logger, settled, released, expired, sent, skipped);
        return new ScheduleSweep(settled, released, expired, sent, skipped);
    }

    private async Task<ClaimOutcome> ReconcileAsync(ClaimCheck check, Setup.ClinicSetup clinicSetup, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = check.Claim;
        var found = await appointments.FindAsync(claim.PatientId, claim.AppointmentId, cancellationToken);
        var appointment = found?.Value;
        var same = appointment is { HoldsSlot: true } && appointment.ProviderId == claim.ProviderId && appointment.Start == claim.Start && appointment.End == claim.End;
        if (same && appointment!.Status == AppointmentStatus.Requested && appointment.HoldUntil <= now)
        {
            var declined = DecideRequest.Declined(appointment, "clinic", HoldEnded, now);
            var notice = Notice.Create(appointment.PatientId, NoticeKind.AppointmentDeclined, new NoticeDetails(appointment.Start), appointment.Link, now);
            var written = await booking.ReleaseAsync(appointment, declined, found!.ETag, clinicSetup.VisitType(appointment.VisitTypeId), notice, now, cancellationToken);
            return written.Succeeded ? ClaimOutcome.Expired : ClaimOutcome.Settled;
        }

        if (same)
        {
            await claims.SettleAsync(appointment!.Claim, release: false, keep: null, cancellationToken);
            return ClaimOutcome.Settled;
        }

        // The chart never got this claim, or no longer holds it: what the appointment holds now stays.
        var keep = appointment is { HoldsSlot: true } && appointment.ProviderId == claim.ProviderId ? appointment.Claim : null;
        await claims.SettleAsync(claim, release: true, keep, cancellationToken);
        if (appointment is not null)
        {
            // A cancel or move whose release stopped halfway: the time it held is offered now (once, as the request would have).
            await booking.OfferAsync(appointment with { ProviderId = claim.ProviderId, Start = claim.Start, End = claim.End }, clinicSetup.VisitType(appointment.VisitTypeId), now, cancellationToken);
        }

        return ClaimOutcome.Released;
    }

    private async Task<bool> RemindAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        var appointment = (await appointments.FindAsync(reminder.PatientId, reminder.AppointmentId, cancellationToken))?.Value;
        if (appointment is not { HoldsSlot: true } || appointment.Status == AppointmentStatus.Requested || appointment.Start != reminder.Start)
        {
            return false; // cancelled, declined or moved: this reminder is for a visit that no longer exists
        }

        // The number first: a reply to this reminder must find its appointment even if this run stops right after.
        if ((await profiles.FindAsync(reminder.PatientId, cancellationToken))?.Value.Phone is { } phone)
        {
            await reminders.RememberTextAsync(phone, reminder, cancellationToken);
        }

        var notice = reminder.Notice();
        if (!await appointments.AddNoticeAsync(notice, cancellationToken))
        {
            return false; // another run wrote it
        }

        await queue.TryEnqueueAsync(notice, logger, cancellationToken);
        return true;
    }

    private enum ClaimOutcome
    {
        Settled,
        Released,
        Expired,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule sweep: {Settled} claims settled, {Released} released, {Expired} requests expired; {Sent} reminders sent, {Skipped} skipped")]
    private static partial void LogSwept(ILogger logger, int settled, int released, int expired, int sent, int skipped);
}

/// <summary>What one schedule sweep did.</summary>
/// <param name="ClaimsSettled">Claims the chart confirmed.</param>
/// <param name="ClaimsReleased">Claims whose appointment never landed or moved away: their time is free again.</param>
/// <param name="RequestsExpired">Requests whose hold ended undecided: declined and released.</param>
/// <param name="RemindersSent">Reminder notices written.</param>
/// <param name="RemindersSkipped">Reminders of cancelled or moved visits, or written by another run.</param>
public sealed record ScheduleSweep(int ClaimsSettled, int ClaimsReleased, int RequestsExpired, int RemindersSent, int RemindersSkipped);
