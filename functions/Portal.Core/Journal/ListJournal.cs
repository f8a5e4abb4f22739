using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Journal;

/// <summary>Use case: the journal, newest first, filtered by kind and by days (the clinic's calendar); staff see shared entries only.</summary>
public sealed class ListJournal(IJournal journal, ChartAccess access, IOptions<ClinicOptions> clinic)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 400 for a bad filter or page, 404/403 per the policy.</summary>
    public Task<Result<Page<JournalEntry>>> ExecuteAsync(
        Caller caller, string patientId, JournalKind? kind, DateOnly? from, DateOnly? until, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (from is not null && until is not null && from > until)
        {
            return Task.FromResult<Result<Page<JournalEntry>>>(Failure.Invalid("from", "On or before until."));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
        return access.ReadPageAsync(
            caller, patientId, Permission.Read(DataCategory.Records), $"patients/{patientId}/journal", pageSize, MaxPageSize,
            visit => journal.ListAsync(
                patientId,
                new JournalQuery(kind, DayStart(zone, from), DayStart(zone, until?.AddDays(1)), SharedOnly: !JournalAccess.IsPatientSide(visit)),
                pageSize,
                continuationToken,
                cancellationToken),
            cancellationToken);
    }

    /// <summary>Midnight of the day in the zone, as an instant.</summary>
    internal static DateTimeOffset? DayStart(TimeZoneInfo zone, DateOnly? day) => day is { } d ? ClinicClock.At(zone, d, TimeOnly.MinValue) : null;
}
