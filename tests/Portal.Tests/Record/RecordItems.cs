using Portal.Core.Record;

namespace Portal.Tests.Record;

/// <summary>Small record items for tests.</summary>
internal static class RecordItems
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public static RecordItem Item(RecordContent content, string patientId = "pat-1", bool confidential = false, string? visitId = null, SourceIdentifier? source = null)
    {
        var date = ClinicalTimes.ToInstant(content.ClinicalTime, TimeZoneInfo.Utc) ?? At;
        return new RecordItem(patientId, RecordItemIds.New(date, source), date, content.CurrentStatus, source is null ? [] : [source], confidential, visitId, 1, At, "ehr", "Clinic EHR", content, []);
    }

    public static RecordContent Penicillin(AllergyClinicalStatus status = AllergyClinicalStatus.Active) => new(Allergy: new Allergy(
        "Penicillin", [new RecordCode(CodeSystems.RxNorm, "7980", "Penicillin G")], AllergyCategory.Medication, ["Hives"], AllergySeverity.Moderate,
        AllergyCriticality.High, status, AllergyVerification.Confirmed, "2012-06"));

    public static RecordContent Lisinopril(MedicationStatus status = MedicationStatus.Active, string? stoppedAt = null) => new(Medication: new Medication(
        "Lisinopril 10 MG Oral Tablet", [new RecordCode(CodeSystems.RxNorm, "314076", "lisinopril 10 MG Oral Tablet")], "1 tablet by mouth once daily",
        "Dr. Maya Patel", "2025-11-04", null, status, 3, 30, new RecordQuantity(30, "tablets", "{tbl}"), "2026-02-01", StoppedVisitId: stoppedAt));

    public static RecordContent OfficeVisit(string start = "2026-02-27T09:30:00-06:00", VisitStatus status = VisitStatus.Finished) => new(Visit: new Visit(
        start, null, "Office visit", [new RecordCode(CodeSystems.Cpt, "99213")], VisitClass.Ambulatory, status, "Dr. Maya Patel", "Main Street Clinic",
        "Blood pressure check", [new VisitDiagnosis("Essential hypertension", new RecordCode(CodeSystems.Icd10Cm, "I10"))],
        "Your blood pressure is better.", ["Keep taking lisinopril."], [new FollowUp("Blood pressure check in 3 months", "2026-05-27")]));
}
