using Portal.Core.Access;

namespace Portal.Core.Journal;

/// <summary>How a request becomes an entry, the same for a new entry and an edit.</summary>
internal static class JournalEntries
{
    public const string Operation = "journal-entry";

    /// <summary>A new entry id: <c>j</c> and 32 hex digits (a valid FHIR id, apart from every record item id).</summary>
    public static string NewId() => "j" + Guid.NewGuid().ToString("N");

    public static JournalEntry From(JournalEntryRequest request, string entryId, ChartVisit visit, DateTimeOffset createdAt, DateTimeOffset now) => new(
        visit.PatientId,
        entryId,
        request.Kind,
        request.At,
        string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim(),
        JournalRules.CleanTags(request.Tags),
        request.Kind == JournalKind.Symptom ? request.Symptom! with { What = request.Symptom!.What.Trim() } : null,
        request.Kind == JournalKind.SideEffect && request.SideEffect is { } effect
            ? new SideEffectDetail(effect.What.Trim(), effect.Medication.Trim(), effect.MedicationItemId, effect.Severity)
            : null,
        request.Kind == JournalKind.Measurement ? JournalRules.Measurement(request.Measurement!) : null,
        request.Kind == JournalKind.WellBeing ? request.WellBeing : null,
        visit.Caller.Subject,
        visit.Caller.DisplayName,
        visit.ActingAs == "proxy",
        createdAt,
        now);
}
