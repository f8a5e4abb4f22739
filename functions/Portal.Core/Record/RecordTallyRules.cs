namespace Portal.Core.Record;

/// <summary>
/// How item changes move the section tallies and the last visit. Pure, so the store applies exactly this in the
/// transaction that writes the items.
/// </summary>
public static class RecordTallyRules
{
    /// <summary>The tallies after <paramref name="changes"/>.</summary>
    public static RecordTallies After(RecordTallies tallies, IEnumerable<RecordChange> changes)
    {
        var all = new Dictionary<RecordSection, SectionTally>(tallies.All);
        var shared = new Dictionary<RecordSection, SectionTally>(tallies.Shared);
        var (lastVisit, lastShared) = (tallies.LastVisit, tallies.LastSharedVisit);
        foreach (var change in changes)
        {
            var (before, after) = (change.Before, change.After);
            Count(all, before, after, at: after.RecordedAt);
            Count(shared, before is { Confidential: false } ? before : null, after.Confidential ? null : after, at: after.RecordedAt, counted: before is { Confidential: false } || !after.Confidential);
            if (after.Content.Visit is not null)
            {
                lastVisit = LastVisit(lastVisit, after, shown: true);
                lastShared = LastVisit(lastShared, after, shown: !after.Confidential);
            }
        }

        return new RecordTallies(all, shared, lastVisit, lastShared);
    }

    /// <summary>How many changes of the section the caller has not seen.</summary>
    public static long Unseen(SectionTally tally, CallerMarks marks, RecordSection section) =>
        Math.Max(0, tally.Changes - marks.SeenChanges.GetValueOrDefault(section));

    private static void Count(Dictionary<RecordSection, SectionTally> tallies, RecordItem? before, RecordItem? after, DateTimeOffset at, bool counted = true)
    {
        if (!counted)
        {
            return;
        }

        var section = (after ?? before)!.Section;
        var tally = tallies.GetValueOrDefault(section) ?? SectionTally.None;
        tallies[section] = new SectionTally(
            tally.Active + Active(after) - Active(before),
            tally.Total + (after is null ? 0 : 1) - (before is null ? 0 : 1),
            tally.Changes + 1,
            at);
    }

    private static int Active(RecordItem? item) => item?.Status == RecordStatus.Active ? 1 : 0;

    private static VisitMark? LastVisit(VisitMark? last, RecordItem visit, bool shown)
    {
        var isLast = last?.VisitId == visit.ItemId;
        if (!shown || visit.Status != RecordStatus.Active)
        {
            // The last visit voided or hidden: the summary finds the next one itself (rare).
            return isLast ? null : last;
        }

        return last is null || isLast || visit.ClinicalDate >= last.Start
            ? new VisitMark(visit.ItemId, visit.ClinicalDate, visit.Content.Visit!.Type, visit.Content.Visit.Provider)
            : last;
    }
}
