namespace Portal.Core.Record;

/// <summary>A visit with everything recorded at it, as the patient reviews it after the visit.</summary>
/// <param name="Visit">The visit with its summary, instructions and follow-ups.</param>
/// <param name="Diagnoses">Problems recorded at the visit.</param>
/// <param name="MedicationsStarted">Medications started at it.</param>
/// <param name="MedicationsStopped">Medications stopped at it.</param>
/// <param name="Documents">Its documents and shared notes.</param>
/// <param name="Other">Everything else recorded at it (vital signs, immunizations, allergies, care plans).</param>
/// <param name="FollowUps">The follow-ups to arrange (from the visit's summary).</param>
public sealed record VisitDetail(
    RecordItem Visit,
    IReadOnlyList<RecordItem> Diagnoses,
    IReadOnlyList<RecordItem> MedicationsStarted,
    IReadOnlyList<RecordItem> MedicationsStopped,
    IReadOnlyList<RecordItem> Documents,
    IReadOnlyList<RecordItem> Other,
    IReadOnlyList<FollowUp> FollowUps)
{
    /// <summary>Sorts a visit's linked items into their places.</summary>
    public static VisitDetail From(RecordItem visit, IReadOnlyList<RecordItem> linked)
    {
        bool StoppedHere(RecordItem item) => item.Content.Medication?.StoppedVisitId == visit.ItemId;
        var here = linked.Where(i => i.VisitId == visit.ItemId).OrderBy(i => i.ItemId, StringComparer.Ordinal).ToList();
        return new VisitDetail(
            visit,
            [.. here.Where(i => i.Section == RecordSection.Problems)],
            [.. here.Where(i => i.Section == RecordSection.Medications && !StoppedHere(i))],
            [.. linked.Where(StoppedHere).OrderBy(i => i.ItemId, StringComparer.Ordinal)],
            [.. here.Where(i => i.Section is RecordSection.Documents or RecordSection.Notes)],
            [.. here.Where(i => i.Section is not (RecordSection.Problems or RecordSection.Medications or RecordSection.Documents or RecordSection.Notes))],
            visit.Content.Visit!.FollowUps);
    }
}
