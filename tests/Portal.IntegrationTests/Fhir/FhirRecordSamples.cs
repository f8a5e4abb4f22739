using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Record;
using Portal.IntegrationTests.Record;

namespace Portal.IntegrationTests.Fhir;

/// <summary>
/// A patient's record written straight through <see cref="IHealthRecord.WriteAsync"/> (the push endpoint is another
/// branch's): every section, a confidential item in several, an entry made in error, and enough vital signs to page.
/// </summary>
internal sealed record FhirRecordSamples(string PatientId, IReadOnlyDictionary<string, RecordItem> Items)
{
    public RecordItem this[string name] => Items[name];

    /// <summary>How many resources of each type everyone who may read records sees, and how many only the patient and staff see.</summary>
    public static IReadOnlyDictionary<string, (int Shared, int Confidential)> Counts { get; } = new Dictionary<string, (int, int)>
    {
        ["AllergyIntolerance"] = (2, 1),
        ["MedicationRequest"] = (2, 0),
        ["Immunization"] = (2, 0),
        ["Condition"] = (4, 1),
        ["Observation"] = (6, 1),
        ["Encounter"] = (1, 0),
        ["DocumentReference"] = (2, 1),
        ["CarePlan"] = (1, 0),
        ["DiagnosticReport"] = (0, 0),
    };

    public static async Task<FhirRecordSamples> WriteAsync(string patientId)
    {
        var visit = New(patientId, "visit", new(Visit: new Visit(
            "2026-02-10T09:30:00-06:00", "2026-02-10T10:00:00-06:00", "Office visit", [new RecordCode(CodeSystems.Cpt, "99213", "Office visit, established")],
            VisitClass.Ambulatory, VisitStatus.Finished, "Dr. Maya Patel", "Main Street Clinic", "Blood pressure check",
            [new VisitDiagnosis("Essential hypertension", new RecordCode(CodeSystems.Icd10Cm, "I10"))], "Blood pressure is better.", ["Walk 30 minutes a day."],
            [new FollowUp("Return in 3 months", "2026-05-10")])));
        var visitId = visit.ItemId;
        RecordItem[] items =
        [
            visit,
            New(patientId, "penicillin", new(Allergy: new Allergy("Penicillin", [new RecordCode(CodeSystems.RxNorm, "7980", "Penicillin G")], AllergyCategory.Medication,
                ["Hives"], AllergySeverity.Moderate, AllergyCriticality.High, AllergyClinicalStatus.Active, AllergyVerification.Confirmed, "2015", "Carry an alert card."))),
            New(patientId, "peanuts", new(Allergy: new Allergy("Peanuts", [], AllergyCategory.Food, [], null, null, AllergyClinicalStatus.Resolved, AllergyVerification.Unconfirmed, "2009-06"))),
            New(patientId, "latex", new(Allergy: new Allergy("Latex", [], AllergyCategory.Environment, ["Rash"], AllergySeverity.Mild, null, AllergyClinicalStatus.Active, AllergyVerification.Confirmed)), confidential: true),
            New(patientId, "lisinopril", new(Medication: new Medication("Lisinopril 10 MG Oral Tablet", [new RecordCode(CodeSystems.RxNorm, "314076", "lisinopril 10 MG Oral Tablet")],
                "1 tablet by mouth once daily", "Dr. Maya Patel", "2026-02-10", null, MedicationStatus.Active, 3, 30, new RecordQuantity(30, "tablets", "{tbl}"), "2026-02-11", Reason: "High blood pressure")), visitId),
            New(patientId, "amoxicillin", new(Medication: new Medication("Amoxicillin 500 MG Oral Capsule", [], "1 capsule three times a day for 10 days", null, "2025-10-01", "2025-10-11",
                MedicationStatus.Stopped, StopReason: "Rash"))),
            New(patientId, "flu", new(Immunization: new Immunization("Influenza, seasonal, injectable", [new RecordCode(CodeSystems.Cvx, "141", "Influenza, seasonal, injectable")],
                "2025-10-15", ImmunizationStatus.Completed, "LOT-123", "Left arm", "Nurse Kim", "Main Street Clinic", true))),
            New(patientId, "covid", new(Immunization: new Immunization("COVID-19 vaccine", [], "2025-11-01", ImmunizationStatus.NotDone, NotDoneReason: "Patient declined"))),
            New(patientId, "hypertension", new(Problem: new HealthProblem("Essential hypertension", [new RecordCode(CodeSystems.Icd10Cm, "I10"), new RecordCode(CodeSystems.Snomed, "59621000", "Essential hypertension")],
                ProblemClinicalStatus.Active, ProblemVerification.Confirmed, ProblemCategory.ProblemList, "2024-03", RecordedDate: "2024-03-05"))),
            New(patientId, "diagnosis", new(Problem: new HealthProblem("Essential hypertension", [new RecordCode(CodeSystems.Icd10Cm, "I10")],
                ProblemClinicalStatus.Active, ProblemVerification.Confirmed, ProblemCategory.EncounterDiagnosis, "2026-02-10T09:45:00-06:00")), visitId),
            New(patientId, "concern", new(Problem: new HealthProblem("Worried about weight", [], ProblemClinicalStatus.Resolved, null, ProblemCategory.HealthConcern, "2023", "2024"))),
            New(patientId, "error", new(Problem: new HealthProblem("Asthma", [], ProblemClinicalStatus.Active, ProblemVerification.Confirmed, ProblemCategory.ProblemList, "2020")), status: RecordStatus.EnteredInError),
            New(patientId, "private", new(Problem: new HealthProblem("Private concern", [], ProblemClinicalStatus.Active, null, ProblemCategory.ProblemList, "2025-12-01")), confidential: true),
            Vital(patientId, "bp", VitalKind.BloodPressure, "2026-02-10T09:35:00-06:00", visitId, new VitalValue(VitalKinds.Systolic, "Systolic", 128, "mm[Hg]"), new VitalValue(VitalKinds.Diastolic, "Diastolic", 82, "mm[Hg]")),
            Vital(patientId, "bp-old", VitalKind.BloodPressure, "2025-08-01T10:00:00-05:00", null, new VitalValue(VitalKinds.Systolic, "Systolic", 142, "mm[Hg]"), new VitalValue(VitalKinds.Diastolic, "Diastolic", 91, "mm[Hg]")),
            Vital(patientId, "weight", VitalKind.BodyWeight, "2026-02-10T09:34:00-06:00", visitId, new VitalValue("29463-7", "Body weight", 81.5m, "kg")),
            Vital(patientId, "weight-lb", VitalKind.BodyWeight, "2025-01-05T09:00:00-06:00", null, new VitalValue("29463-7", "Body weight", 180, "lb")),
            Vital(patientId, "spo2", VitalKind.OxygenSaturation, "2026-02-10T09:36:00-06:00", visitId, new VitalValue("2708-6", "Oxygen saturation", 98, "%")),
            Vital(patientId, "temp", VitalKind.BodyTemperature, "2026-01-20T08:00:00-06:00", null, new VitalValue("8310-5", "Body temperature", 36.8m, "Cel")),
            Vital(patientId, "hr-private", VitalKind.HeartRate, "2026-01-21T08:00:00-06:00", null, new VitalValue("8867-4", "Heart rate", 72, "/min")) with { Confidential = true },
            New(patientId, "note", new(Note: new ClinicalNote("Progress note", NoteKind.ProgressNote, "Dr. Maya Patel", "2026-02-10T10:05:00-06:00",
                "Blood pressure improved on lisinopril. <Continue> & recheck in 3 months.", [])), visitId),
            New(patientId, "note-private", new(Note: new ClinicalNote("Counseling note", NoteKind.Other, "Dr. Maya Patel", "2026-01-05", "Confidential counseling.", [])), confidential: true),
            New(patientId, "letter", new(Document: new ChartDocument("Discharge instructions", DocumentKind.Discharge, "application/pdf", 48_213,
                $"{patientId}/0f3c", "2025-09-12", "County Hospital", "After the appendectomy", new string('a', 64), []))),
            New(patientId, "plan", new(CarePlan: new CarePlan("Blood pressure plan", "Lower blood pressure below 130/80.", CarePlanStatus.Active, "2026-02-10", null,
                ["Walk 30 minutes a day", "Less salt"], ["Blood pressure < 130/80"], "Dr. Maya Patel", [])), visitId),
        ];

        var record = (await TestPortal.GetAsync()).Services.GetRequiredService<IHealthRecord>();
        await record.WriteAsync(new RecordWrite(patientId, "fhir" + Guid.NewGuid().ToString("N"), [.. items.Select(i => new RecordChange(null, null, i))], null), default);
        return new FhirRecordSamples(patientId, items.ToDictionary(i => i.Identifiers[0].Value[(patientId.Length + 1)..], i => i));
    }

    private static RecordItem New(string patientId, string name, RecordContent content, string? visitId = null, bool confidential = false, RecordStatus? status = null)
    {
        // Sender identifiers are unique per sender, so item ids (made from them) differ between records.
        var item = RecordSamples.Item(patientId, content, new SourceIdentifier("https://ehr.example.org/ids", $"{patientId}/{name}"), confidential, visitId);
        return status is { } given ? item with { Status = given } : item;
    }

    private static RecordItem Vital(string patientId, string name, VitalKind kind, string at, string? visitId, params VitalValue[] values) =>
        New(patientId, name, new(VitalSign: new VitalSign(kind, VitalKinds.Of(kind).Name, at, values, [new RecordCode(CodeSystems.Loinc, kind.Loinc())], "Nurse Kim")), visitId);
}
