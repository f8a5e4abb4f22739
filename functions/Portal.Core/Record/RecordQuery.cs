namespace Portal.Core.Record;

/// <summary>Which items of one section a page lists.</summary>
/// <param name="Section">The section.</param>
/// <param name="Status">Active only, or all.</param>
/// <param name="IncludeConfidential">False for a caregiver: confidential items are left out by the query itself (see <see cref="RecordVisibility"/>).</param>
public sealed record RecordQuery(RecordSection Section, RecordStatusFilter Status, bool IncludeConfidential);
