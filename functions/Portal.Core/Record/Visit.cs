namespace Portal.Core.Record;

/// <summary>
/// A visit (FHIR <c>Encounter</c>) with its after-visit summary. What happened at it is linked by the other
/// items' <see cref="RecordItem.VisitId"/>: the diagnoses made (problems), the medications started (and, by
/// <see cref="Medication.StoppedVisitId"/>, stopped), its documents and notes; <see cref="VisitRecord"/> reads them together.
/// </summary>
/// <param name="Start">When it began: FHIR dateTime (or date).</param>
/// <param name="End">When it ended, if known.</param>
/// <param name="Type">The kind of visit as people read it (<c>Office visit</c>, <c>Annual physical</c>).</param>
/// <param name="TypeCodes">The type's codes (CPT, SNOMED CT), if sent.</param>
/// <param name="Class">Office, emergency, inpatient, virtual or home.</param>
/// <param name="Status">Planned, in progress, finished or cancelled.</param>
/// <param name="Provider">Who the patient saw, as people read it.</param>
/// <param name="Location">Where, as people read it.</param>
/// <param name="Reason">Why the patient came, as people read it.</param>
/// <param name="Diagnoses">The diagnoses as the summary lists them (coded ones are also problems linked to the visit).</param>
/// <param name="Summary">The after-visit summary's text for the patient.</param>
/// <param name="Instructions">What the patient should do (each one line).</param>
/// <param name="FollowUps">Follow-ups to arrange.</param>
public sealed record Visit(
    string Start,
    string? End,
    string Type,
    IReadOnlyList<RecordCode> TypeCodes,
    VisitClass Class,
    VisitStatus Status,
    string? Provider,
    string? Location,
    string? Reason,
    IReadOnlyList<VisitDiagnosis> Diagnoses,
    string? Summary,
    IReadOnlyList<string> Instructions,
    IReadOnlyList<FollowUp> FollowUps);

/// <summary>A diagnosis as a visit's summary lists it.</summary>
/// <param name="Text">As people read it.</param>
/// <param name="Code">Its code (ICD-10-CM or SNOMED CT), if any.</param>
public sealed record VisitDiagnosis(string Text, RecordCode? Code = null);

/// <summary>Something to arrange after a visit.</summary>
/// <param name="Instruction">What (<c>See Dr. Patel in 3 months</c>, <c>Fasting blood test before the next visit</c>).</param>
/// <param name="Due">By when: FHIR date, if said.</param>
public sealed record FollowUp(string Instruction, string? Due = null);

/// <summary>Where the visit happened (FHIR <c>v3-ActCode</c> encounter classes).</summary>
public enum VisitClass
{
    /// <summary>At the clinic (AMB).</summary>
    Ambulatory,

    /// <summary>Emergency department (EMER).</summary>
    Emergency,

    /// <summary>Hospital stay (IMP).</summary>
    Inpatient,

    /// <summary>Video or phone (VR).</summary>
    Virtual,

    /// <summary>At home (HH).</summary>
    Home,
}

/// <summary>Where the visit stands (FHIR <c>encounter-status</c>, simplified).</summary>
public enum VisitStatus
{
    /// <summary>Booked, not yet happened.</summary>
    Planned,

    /// <summary>Happening (arrived, triaged, in progress, on leave).</summary>
    InProgress,

    /// <summary>Over.</summary>
    Finished,

    /// <summary>Did not happen.</summary>
    Cancelled,
}
