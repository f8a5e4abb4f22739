using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Labs.Results;

namespace Portal.Core.Journal;

/// <summary>
/// The journal's home measurements for a results trend. They are journal data (<see cref="DataCategory.Records"/>), so
/// the trend's results visit does not cover them: the one policy decides again — the patient sees all; a caregiver needs
/// a grant with <c>records.read</c>; staff whose role reads records see the shared ones — and the read is audited as a
/// records read of its own.
/// </summary>
public sealed class JournalTrendValues(IJournal journal, IPatientLinks links, ChartAccess access, TimeProvider clock) : IHomeTrendValues
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<HomeTrendValue>> ForCodeAsync(ChartVisit visit, string loinc, CancellationToken cancellationToken)
    {
        if (HomeMeasurements.ForTrend(loinc) is not { } kind)
        {
            return [];
        }

        var read = Permission.Read(DataCategory.Records);
        bool sharedOnly;
        switch (visit.ActingAs)
        {
            case "self":
                sharedOnly = false;
                break;
            case "proxy":
                var link = await links.FindAsync(visit.Caller.Subject, visit.PatientId, cancellationToken);
                if (link is null || !AccessPolicy.GrantCovers(link, read, clock.GetUtcNow()))
                {
                    return [];
                }

                sharedOnly = false;
                break;
            default:
                if (!visit.Caller.Roles.Any(role => AccessPolicy.StaffAllows(role, read)))
                {
                    return [];
                }

                sharedOnly = true;
                break;
        }

        var entries = await journal.AllAsync(visit.PatientId, new JournalQuery(JournalKind.Measurement, SharedOnly: sharedOnly, Measurement: kind.Type), cancellationToken);
        await access.RecordAsync(visit with { Action = read.Scope, Resource = $"patients/{visit.PatientId}/journal?code={kind.Code}" }, AuditOutcome.Success, cancellationToken);
        return [.. entries.SelectMany(e => e.Measurement!.Values.Where(v => v.Code == kind.Code).Select(v => new HomeTrendValue(e.EntryId, e.At, v.Value, v.Unit, kind.Name)))];
    }
}
