using Portal.Core.Common;

namespace Portal.Core.Record;

/// <summary>A visit and every item linked to it, as one read returns them.</summary>
/// <param name="Visit">The visit item with its ETag.</param>
/// <param name="Linked">
/// Items whose <see cref="RecordItem.VisitId"/> is the visit (diagnoses, medications started, documents, notes,
/// vitals …) and medications whose <see cref="Medication.StoppedVisitId"/> is; newest first per section.
/// </param>
public sealed record VisitRecord(Versioned<RecordItem> Visit, IReadOnlyList<RecordItem> Linked);
