using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;

namespace Portal.Core.Caregivers;

/// <summary>
/// Use case (timer, hourly): parents' and guardians' grants end on the patient's 18th birthday in the clinic's zone.
/// Reads only the birthday index of today and yesterday (a missed run is caught up; someone born on 29 February turns
/// 18 on 1 March in other years). Each grant ends exactly once: the end and both notices are one transaction guarded by
/// the grant's ETag, and an ended grant is never told again. The policy already refuses the grant from midnight on.
/// </summary>
public sealed partial class EndGuardianGrantsAtAdulthood(
    IGuardianBirthdays birthdays, IProxyGrants grants, GrantWrites writes, ProxyRules rules, TimeProvider clock, ILogger<EndGuardianGrantsAtAdulthood> logger)
{
    /// <summary>Ends the grants due; returns how many it ended.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ClinicClock.DateOf(rules.ClinicZone, now);
        var ended = 0;
        foreach (var day in DaysToRead(today))
        {
            foreach (var entry in await birthdays.OnAsync(day.Month, day.Day, cancellationToken))
            {
                if (AccessPolicy.AgeOn(entry.BirthDate, today) < rules.AdultAt)
                {
                    continue; // a younger patient's birthday: their grant goes on
                }

                ended += await EndAsync(entry, now, cancellationToken) ? 1 : 0;
            }
        }

        LogRun(ended);
        return ended;
    }

    /// <summary>The birthdays whose 18th may fall on <paramref name="today"/> or the day before.</summary>
    public static IEnumerable<(int Month, int Day)> DaysToRead(DateOnly today) =>
        new[] { today.AddDays(-1), today }
            .SelectMany(d => d is { Month: 3, Day: 1 } && !DateTime.IsLeapYear(d.Year) ? new[] { (2, 29), (d.Month, d.Day) } : [(d.Month, d.Day)])
            .Distinct();

    private async Task<bool> EndAsync(GuardianBirthday entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var grant = await grants.FindAsync(entry.PatientId, entry.Subject, cancellationToken);
        var endsNow = grant is { Value.Link: { EndsAtAdulthood: true, RevokedAt: null } };
        try
        {
            if (endsNow)
            {
                await writes.EndAsync(grant!, EndReasons.Adulthood, now, cancellationToken);
            }

            await birthdays.RemoveAsync(entry, cancellationToken);
            return endsNow;
        }
        catch (ConcurrencyConflictException)
        {
            // Changed meanwhile (revoked, re-granted): the next run looks again.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guardian grants ended at 18: {Ended}")]
    private partial void LogRun(int ended);
}
