using Portal.Core.Record;

namespace Portal.LocalHost.DemoData;

/// <summary>Builds one demo patient's record items as the clinic's EHR would have sent them (see <see cref="DemoRecord"/>).</summary>
internal sealed class DemoChart(string patientId, TimeZoneInfo zone)
{
    private const string Ehr = DemoRecord.EhrSubject;

    public List<RecordItem> Items { get; } = [];

    /// <summary>Documents still to store: the item's index and the PDF's bytes.</summary>
    public List<(int Index, byte[] Pdf)> Pdfs { get; } = [];

    public string Visit(string start, string type, string provider, string reason, string[] diagnoses, string summary, string[] instructions, string[] followUps, VisitClass kind = VisitClass.Ambulatory) =>
        Add(new RecordContent(Visit: new Visit(
            start, null, type, [], kind, VisitStatus.Finished, provider, "Riverside Family Clinic, 2400 N Lincoln Ave", reason,
            [.. diagnoses.Select(Diagnosis)], summary, instructions, [.. followUps.Select(f => f.Split('|') is [var text, var due] ? new FollowUp(text, due) : new FollowUp(f))])), null);

    public void Allergy(string substance, string code, string system, AllergyCategory category, string reaction, AllergySeverity severity, AllergyCriticality criticality, string onset) =>
        Add(new RecordContent(Allergy: new Allergy(
            substance, [new RecordCode(system, code, substance)], category, [reaction], severity, criticality, AllergyClinicalStatus.Active, AllergyVerification.Confirmed, onset)), null);

    public string Medication(
        string name, string rxNorm, string dose, string prescriber, string start, string? visitId, MedicationStatus status = MedicationStatus.Active,
        int? refills = null, int? days = 30, int? quantity = 30, string? lastFill = null, bool controlled = false, string? reason = null, string? end = null, string? stoppedAt = null, string? stopReason = null) =>
        Add(new RecordContent(Medication: new Medication(
            name, [new RecordCode(CodeSystems.RxNorm, rxNorm, name)], dose, prescriber, start, end, status, refills, days,
            quantity is null ? null : new RecordQuantity(quantity.Value, "tablets", "{tbl}"), lastFill, controlled, reason, stoppedAt, stopReason)), visitId);

    public void Immunization(string vaccine, string cvx, string date, string lot, string site, string performer) =>
        Add(new RecordContent(Immunization: new Immunization(
            vaccine, [new RecordCode(CodeSystems.Cvx, cvx, vaccine)], date, ImmunizationStatus.Completed, lot, site, performer, "Riverside Family Clinic", true)), null);

    public void Problem(string condition, string icd10, string snomed, string onset, string? visitId = null, ProblemClinicalStatus status = ProblemClinicalStatus.Active, ProblemCategory category = ProblemCategory.ProblemList, string? abatement = null) =>
        Add(new RecordContent(Problem: new HealthProblem(
            condition, [new RecordCode(CodeSystems.Icd10Cm, icd10, condition), new RecordCode(CodeSystems.Snomed, snomed, condition)], status, ProblemVerification.Confirmed, category, onset, abatement, onset)), visitId);

    /// <summary>The vital signs taken at a visit: blood pressure, heart rate, weight, height, BMI, temperature, SpO2.</summary>
    public void Vitals(string visitId, string takenAt, int systolic, int diastolic, int heartRate, decimal weightKg, decimal heightCm, decimal temperature, int spo2)
    {
        var bmi = Math.Round(weightKg / (heightCm / 100 * (heightCm / 100)), 1);
        Vital(visitId, takenAt, VitalKind.BloodPressure, new VitalValue(VitalKinds.Systolic, "Systolic", systolic, "mm[Hg]"), new VitalValue(VitalKinds.Diastolic, "Diastolic", diastolic, "mm[Hg]"));
        Vital(visitId, takenAt, VitalKind.HeartRate, One(VitalKind.HeartRate, heartRate));
        Vital(visitId, takenAt, VitalKind.BodyWeight, One(VitalKind.BodyWeight, weightKg));
        Vital(visitId, takenAt, VitalKind.BodyHeight, One(VitalKind.BodyHeight, heightCm));
        Vital(visitId, takenAt, VitalKind.Bmi, One(VitalKind.Bmi, bmi));
        Vital(visitId, takenAt, VitalKind.BodyTemperature, One(VitalKind.BodyTemperature, temperature));
        Vital(visitId, takenAt, VitalKind.OxygenSaturation, One(VitalKind.OxygenSaturation, spo2));
    }

    public void CarePlan(string title, string summary, string start, string[] activities, string[] goals, string author) =>
        Add(new RecordContent(CarePlan: new CarePlan(
            title, summary, CarePlanStatus.Active, start, null, activities, goals, author,
            [new RecordCode("http://hl7.org/fhir/us/core/CodeSystem/careplan-category", "assess-plan", "Assessment and Plan of Treatment")])), null);

    public void Note(string visitId, string date, string author, string text) =>
        Add(new RecordContent(Note: new ClinicalNote("Progress note", NoteKind.ProgressNote, author, date, text, [NoteKind.ProgressNote.Loinc()])), visitId);

    public void Document(string title, DocumentKind kind, string loinc, string date, string author, string description, string[] lines, string? visitId = null)
    {
        var pdf = DemoPdf.Page(title, lines);
        Add(new RecordContent(Document: new ChartDocument(
            title, kind, "application/pdf", pdf.Length, "", date, author, description, "", [new RecordCode(CodeSystems.Loinc, loinc, title)])), visitId);
        Pdfs.Add((Items.Count - 1, pdf));
    }

    private void Vital(string visitId, string takenAt, VitalKind kind, params VitalValue[] values) =>
        Add(new RecordContent(VitalSign: new VitalSign(kind, VitalKinds.Of(kind).Name, takenAt, values, [new RecordCode(CodeSystems.Loinc, kind.Loinc(), VitalKinds.Of(kind).Name)], "Medical assistant")), visitId);

    private static VitalValue One(VitalKind kind, decimal value) => new(kind.Loinc(), VitalKinds.Of(kind).Name, value, VitalKinds.Of(kind).Unit);

    private static VisitDiagnosis Diagnosis(string text) =>
        text.Split('|') is [var words, var icd] ? new VisitDiagnosis(words, new RecordCode(CodeSystems.Icd10Cm, icd, words)) : new VisitDiagnosis(text);

    private string Add(RecordContent content, string? visitId)
    {
        var date = ClinicalTimes.ToInstant(content.ClinicalTime, zone) ?? throw new InvalidOperationException("A demo item needs a date.");
        var source = new SourceIdentifier("urn:demo:riverside-ehr", $"{patientId}-{Items.Count}");
        var item = new RecordItem(
            patientId, RecordItemIds.New(date, source), date, content.CurrentStatus, [source], false, visitId, 1, date.AddHours(2), Ehr, "Riverside EHR", content, []);
        Items.Add(item);
        return item.ItemId;
    }
}
