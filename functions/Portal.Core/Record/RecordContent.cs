namespace Portal.Core.Record;

/// <summary>
/// What an item says: exactly one of the section models is set, and it fixes the item's section. One shape for
/// every section keeps the JSON (stored and served) plain: a reader switches on <see cref="Section"/>.
/// </summary>
/// <param name="Allergy">An allergy or intolerance.</param>
/// <param name="Medication">A medication.</param>
/// <param name="Immunization">An immunization.</param>
/// <param name="Problem">A problem (condition).</param>
/// <param name="VitalSign">A vital sign.</param>
/// <param name="Visit">A visit with its summary.</param>
/// <param name="CarePlan">A care plan.</param>
/// <param name="Note">A clinical note.</param>
/// <param name="Document">A document's metadata.</param>
public sealed record RecordContent(
    Allergy? Allergy = null,
    Medication? Medication = null,
    Immunization? Immunization = null,
    HealthProblem? Problem = null,
    VitalSign? VitalSign = null,
    Visit? Visit = null,
    CarePlan? CarePlan = null,
    ClinicalNote? Note = null,
    ChartDocument? Document = null)
{
    /// <summary>The section the set model belongs to; throws when none or several are set.</summary>
    public RecordSection Section => Set().Single();

    /// <summary>True when exactly one model is set.</summary>
    public bool IsWellFormed => Set().Count() == 1;

    /// <summary>
    /// The item's clinical time as sent (FHIR date or dateTime): the allergy's or problem's onset (else when it
    /// was recorded), the medication's start, when the vaccine was given or the vital taken, the visit's start, the
    /// care plan's start, the note's or document's date. Null when the content gives none.
    /// </summary>
    public string? ClinicalTime =>
        Allergy?.Onset
        ?? Medication?.Start
        ?? Immunization?.Date
        ?? (Problem is { } p ? p.Onset ?? p.RecordedDate : null)
        ?? VitalSign?.TakenAt
        ?? Visit?.Start
        ?? CarePlan?.Start
        ?? Note?.Date
        ?? Document?.Date;

    /// <summary>Whether the content is current, in the section's own terms (see <see cref="RecordStatus"/>).</summary>
    public RecordStatus CurrentStatus => this switch
    {
        { Allergy: { } a } => a.ClinicalStatus == AllergyClinicalStatus.Active && a.Verification != AllergyVerification.Refuted ? RecordStatus.Active : RecordStatus.Inactive,
        { Medication: { } m } => m.Status is MedicationStatus.Active or MedicationStatus.OnHold ? RecordStatus.Active : RecordStatus.Inactive,
        { Problem: { } p } => p.ClinicalStatus is ProblemClinicalStatus.Active or ProblemClinicalStatus.Recurrence or ProblemClinicalStatus.Relapse
            && p.Verification != ProblemVerification.Refuted ? RecordStatus.Active : RecordStatus.Inactive,
        { CarePlan: { } c } => c.Status is CarePlanStatus.Active or CarePlanStatus.OnHold ? RecordStatus.Active : RecordStatus.Inactive,
        { Visit: { } v } => v.Status == VisitStatus.Cancelled ? RecordStatus.Inactive : RecordStatus.Active,
        { Immunization: { } i } => i.Status == ImmunizationStatus.Completed ? RecordStatus.Active : RecordStatus.Inactive,
        _ => RecordStatus.Active,
    };

    private IEnumerable<RecordSection> Set()
    {
        if (Allergy is not null) yield return RecordSection.Allergies;
        if (Medication is not null) yield return RecordSection.Medications;
        if (Immunization is not null) yield return RecordSection.Immunizations;
        if (Problem is not null) yield return RecordSection.Problems;
        if (VitalSign is not null) yield return RecordSection.Vitals;
        if (Visit is not null) yield return RecordSection.Visits;
        if (CarePlan is not null) yield return RecordSection.CarePlans;
        if (Note is not null) yield return RecordSection.Notes;
        if (Document is not null) yield return RecordSection.Documents;
    }
}
