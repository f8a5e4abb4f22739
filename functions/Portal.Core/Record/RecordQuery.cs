namespace Portal.Core.Record;

/// <summary>Which items of one section a page lists.</summary>
/// <param name="Section">The section.</param>
/// <param name="Status">Active only, or all.</param>
/// <param name="IncludeConfidential">False for a caregiver: confidential items are left out by the query itself (see <see cref="RecordVisibility"/>).</param>
/// <param name="From">Only items whose <see cref="RecordItem.ClinicalDate"/> is at or after this, if set (a key range, like the order).</param>
/// <param name="Until">Only items whose clinical date is before this, if set.</param>
public sealed record RecordQuery(RecordSection Section, RecordStatusFilter Status, bool IncludeConfidential, DateTimeOffset? From = null, DateTimeOffset? Until = null);
