using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Notifications;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling.Waitlist;

/// <summary>
/// A released slot offered to the line: the waitlist of the released visit's type and provider is read (one index
/// query), oldest first; the first patients whose wish the slot satisfies (inside their window, earlier than the visit
/// of this type with this provider they hold, not overlapping their other visits) are told "an earlier time opened".
/// Nothing is held for them: the first to book wins through the normal race-proof booking, the others find it gone.
/// The notice id follows from the release and the entry, so a release handled twice (request and sweep) tells each
/// patient once. Index rows of entries that expired, left or never landed are removed when met.
/// </summary>
public sealed partial class WaitlistOffers(
    IWaitlist waitlist, IAppointments appointments, INoticeQueue queue, IOptions<SchedulingOptions> options, ILogger<WaitlistOffers> logger)
{
    /// <summary>The most index rows one release reads.</summary>
    public const int MaxLine = 100;

    /// <summary>The most waiting patients whose charts one release reads.</summary>
    public const int MaxExamined = 10;

    /// <summary>
    /// Offers the time <paramref name="released"/> held (its provider, start and end; released at its
    /// <see cref="Appointment.UpdatedAt"/>) to the line of its visit type; returns how many patients were told.
    /// </summary>
    public async Task<int> OfferAsync(Appointment released, VisitType? visitType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A time patients can no longer book online (past, or inside the minimum notice) is not worth a message.
        if (visitType is null || released.Start < SchedulingRules.EarliestStart(visitType, byStaff: false, now) || released.Start <= now)
        {
            return 0;
        }

        var (offered, examined) = (0, 0);
        foreach (var spot in await waitlist.LineAsync(released.ProviderId, visitType.Id, MaxLine, cancellationToken))
        {
            if (spot.Until <= now)
            {
                await waitlist.RemoveAsync(spot, cancellationToken);
                continue;
            }

            if (spot.PatientId == released.PatientId || !spot.Wants(released.Start))
            {
                continue;
            }

            if (++examined > MaxExamined || offered >= options.Value.WaitlistOffers)
            {
                break;
            }

            var entry = await waitlist.FindAsync(spot.PatientId, spot.EntryId, cancellationToken);
            if (entry is null || !entry.Value.IsWaiting(now))
            {
                await waitlist.RemoveAsync(spot, cancellationToken);
                continue;
            }

            var theirs = (await appointments.ListAsync(spot.PatientId, cancellationToken)).Select(a => a.Value).ToList();
            if (JoinWaitlist.Held(theirs, visitType.Id, released.ProviderId, now) is { } held && held.Start <= released.Start
                || SchedulingRules.Overlapping(theirs, released.Start, released.End, except: null) is not null)
            {
                continue;
            }

            var notice = Offer(entry.Value, released);
            if (await appointments.AddNoticeAsync(notice, cancellationToken))
            {
                await queue.TryEnqueueAsync(notice, logger, cancellationToken);
            }

            offered++;
        }

        if (offered > 0)
        {
            LogOffered(logger, offered);
        }

        return offered;
    }

    /// <summary>The offer's notice: its id follows from the release (time and slot) and the entry, so it is written once.</summary>
    public static Notice Offer(WaitlistEntry entry, Appointment released)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - released.UpdatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var slot = released.Start.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        return new Notice(entry.PatientId, $"{inverted}-wait-{entry.EntryId}-{slot}", NoticeKind.WaitlistSlotOpened, new NoticeDetails(released.Start), entry.Link, released.UpdatedAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A released slot was offered to {Offered} waiting patients")]
    private static partial void LogOffered(ILogger logger, int offered);
}
