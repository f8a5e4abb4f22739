namespace Portal.Core.Record;

/// <summary>The record at a glance, for one caller: what each section holds, what is new since they last looked, the last visit.</summary>
/// <param name="PatientId">Whose record.</param>
/// <param name="Sections">Every section, in the portal's order.</param>
/// <param name="LastVisit">The latest visit the caller may see, or null.</param>
public sealed record RecordSummary(string PatientId, IReadOnlyList<SectionSummary> Sections, LastVisitSummary? LastVisit);

/// <summary>One section at a glance.</summary>
/// <param name="Section">The section.</param>
/// <param name="Path">Its slug in <c>/record/{section}</c>.</param>
/// <param name="Active">Active items.</param>
/// <param name="Total">All items.</param>
/// <param name="New">Items added or changed since this caller last opened the summary (per caller).</param>
/// <param name="LastUpdatedAt">When an item of the section last arrived or changed.</param>
public sealed record SectionSummary(RecordSection Section, string Path, int Active, int Total, long New, DateTimeOffset? LastUpdatedAt);

/// <summary>The last visit as the summary names it.</summary>
/// <param name="VisitId">Its id (<c>/visits/{visitId}</c>).</param>
/// <param name="Start">When it began.</param>
/// <param name="Type">The kind of visit.</param>
/// <param name="Provider">Who the patient saw.</param>
/// <param name="Reviewed">True once this caller opened it.</param>
public sealed record LastVisitSummary(string VisitId, DateTimeOffset Start, string Type, string? Provider, bool Reviewed);
