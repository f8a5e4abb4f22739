namespace Portal.Core.Record;

/// <summary>
/// The record's index rows as one read: the section tallies and last visit the writes keep (see
/// <see cref="RecordTallies"/>), and what one caller has looked at. The record summary is built from it alone.
/// </summary>
/// <param name="Tallies">Per-section counts, kept in the same transaction as every item write.</param>
/// <param name="Marks">The caller's own marks.</param>
public sealed record RecordIndex(RecordTallies Tallies, CallerMarks Marks);

/// <summary>
/// What the writes keep about the record: per section, counts over every item (what staff and the patient see)
/// and over the items without <see cref="RecordItem.Confidential"/> (what caregivers see), and the latest visit of each.
/// </summary>
/// <param name="All">Tallies over every item.</param>
/// <param name="Shared">Tallies over the items a caregiver may see.</param>
/// <param name="LastVisit">The latest active visit.</param>
/// <param name="LastSharedVisit">The latest active visit a caregiver may see.</param>
public sealed record RecordTallies(
    IReadOnlyDictionary<RecordSection, SectionTally> All,
    IReadOnlyDictionary<RecordSection, SectionTally> Shared,
    VisitMark? LastVisit,
    VisitMark? LastSharedVisit)
{
    /// <summary>A record with nothing in it.</summary>
    public static RecordTallies Empty { get; } = new(new Dictionary<RecordSection, SectionTally>(), new Dictionary<RecordSection, SectionTally>(), null, null);

    /// <summary>The tallies a caller sees: <see cref="Shared"/> for a caregiver, <see cref="All"/> otherwise.</summary>
    public IReadOnlyDictionary<RecordSection, SectionTally> For(bool showsConfidential) => showsConfidential ? All : Shared;

    /// <summary>The last visit a caller sees.</summary>
    public VisitMark? LastVisitFor(bool showsConfidential) => showsConfidential ? LastVisit : LastSharedVisit;
}

/// <summary>One section's counts.</summary>
/// <param name="Active">Items with status active.</param>
/// <param name="Total">Every item, entered-in-error ones included.</param>
/// <param name="Changes">How many times an item was added or changed, ever: "new since you looked" is this minus what the caller had seen.</param>
/// <param name="LastUpdatedAt">When an item of the section last arrived or changed.</param>
public sealed record SectionTally(int Active, int Total, long Changes, DateTimeOffset? LastUpdatedAt)
{
    /// <summary>An empty section.</summary>
    public static SectionTally None { get; } = new(0, 0, 0, null);
}

/// <summary>A visit as the summary names it.</summary>
/// <param name="VisitId">The visit's item id.</param>
/// <param name="Start">When it began.</param>
/// <param name="Type">The kind of visit as people read it.</param>
/// <param name="Provider">Who the patient saw.</param>
public sealed record VisitMark(string VisitId, DateTimeOffset Start, string Type, string? Provider);

/// <summary>
/// What one caller (sign-in subject) has looked at in one record: per section, the section's
/// <see cref="SectionTally.Changes"/> when they last read it, and the visits they reviewed. Per caller, so a
/// caregiver's reading does not mark anything read for the patient.
/// </summary>
/// <param name="SeenChanges">Per section, the change count the caller has seen.</param>
/// <param name="ReviewedVisits">The visits the caller opened.</param>
public sealed record CallerMarks(IReadOnlyDictionary<RecordSection, long> SeenChanges, IReadOnlySet<string> ReviewedVisits)
{
    /// <summary>A caller who never looked.</summary>
    public static CallerMarks None { get; } = new(new Dictionary<RecordSection, long>(), new HashSet<string>());
}
