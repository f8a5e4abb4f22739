using Portal.Core.Record;

namespace Portal.IntegrationTests.Record;

/// <summary>Record items for adapter tests.</summary>
internal static class RecordSamples
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public static string NewPatient() => "rec-" + Guid.NewGuid().ToString("N");

    public static RecordItem Item(string patientId, RecordContent content, SourceIdentifier? source = null, bool confidential = false, string? visitId = null)
    {
        var date = ClinicalTimes.ToInstant(content.ClinicalTime, TimeZoneInfo.Utc) ?? At;
        return new RecordItem(patientId, RecordItemIds.New(date, source), date, content.CurrentStatus, source is null ? [] : [source], confidential, visitId, 1, At, "ehr", "Clinic EHR", content, []);
    }

    public static RecordContent Allergy(string substance, string onset, AllergyClinicalStatus status = AllergyClinicalStatus.Active) => new(Allergy: new Allergy(
        substance, [], AllergyCategory.Medication, ["Hives"], AllergySeverity.Mild, AllergyCriticality.Low, status, AllergyVerification.Confirmed, onset));

    public static RecordContent Medication(string name, string start, MedicationStatus status = MedicationStatus.Active, string? stoppedAt = null) => new(Medication: new Medication(
        name, [new RecordCode(CodeSystems.RxNorm, "314076")], "1 tablet daily", "Dr. Maya Patel", start, null, status, 2, 30, new RecordQuantity(30, "tablets"), StoppedVisitId: stoppedAt));

    public static RecordContent Visit(string start) => new(Visit: new Visit(
        start, null, "Office visit", [], VisitClass.Ambulatory, VisitStatus.Finished, "Dr. Maya Patel", "Main Street Clinic", "Check-up",
        [new VisitDiagnosis("Essential hypertension", new RecordCode(CodeSystems.Icd10Cm, "I10"))], "All good.", ["Walk daily."], [new FollowUp("Return in 6 months")]));

    /// <summary>A vital sign whose text makes the row big (to fill transactions).</summary>
    public static RecordContent Weight(int day, int padding = 0) => new(VitalSign: new VitalSign(
        VitalKind.BodyWeight, "Body weight" + new string(' ', padding), $"2025-01-{1 + (day % 28):D2}T08:{day / 28 % 60:D2}:00Z",
        [new VitalValue("29463-7", "Body weight", 70 + (day % 10), "kg")], [new RecordCode(CodeSystems.Loinc, "29463-7")]));

    public static RecordWrite Write(string patientId, string writeId, params RecordItem[] created) =>
        new(patientId, writeId, [.. created.Select(item => new RecordChange(null, null, item))], null);
}
