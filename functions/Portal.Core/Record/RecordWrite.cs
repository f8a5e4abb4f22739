using Portal.Core.Notifications;

namespace Portal.Core.Record;

/// <summary>
/// A set of item changes that land together or not at all, with the notice they cause (a FHIR push, a clinician's
/// visit summary, a stopped medication, an amendment). The store writes it in as few entity-group transactions as
/// the 100-entity limit allows; readers never see part of it.
/// </summary>
/// <param name="PatientId">Whose record (every change is in it).</param>
/// <param name="WriteId">
/// The write's identity: the same logical write (a resent Bundle, a retried request) must carry the same id, so a
/// retry finishes an interrupted write instead of starting a competing one; a write made against other stored versions
/// (a resend after the record changed) must carry another. Lower-case letters and digits, at most 64.
/// </param>
/// <param name="Changes">The items created or changed, each at most once.</param>
/// <param name="Notice">The patient's notice ("new information in your record"), written with the items, or null.</param>
public sealed record RecordWrite(string PatientId, string WriteId, IReadOnlyList<RecordChange> Changes, Notice? Notice);

/// <summary>One item created or changed.</summary>
/// <param name="Before">The stored item this replaces, or null for a new item.</param>
/// <param name="ETag">The stored item's ETag (guards the replace), or null for a new item.</param>
/// <param name="After">The item as it is to be stored.</param>
public sealed record RecordChange(RecordItem? Before, string? ETag, RecordItem After);
