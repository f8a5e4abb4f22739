namespace Portal.Core.Record;

/// <summary>A condition on the problem list, a health concern, or a visit's diagnosis (FHIR <c>Condition</c>).</summary>
/// <param name="Condition">The condition as people read it (<c>Type 2 diabetes</c>).</param>
/// <param name="Codes">Its codes: SNOMED CT and/or ICD-10-CM.</param>
/// <param name="ClinicalStatus">Active, recurrence, relapse, inactive, remission or resolved.</param>
/// <param name="Verification">How sure the clinic is, if said.</param>
/// <param name="Category">Problem list, visit diagnosis or health concern.</param>
/// <param name="Onset">When it started: FHIR date or dateTime, if known.</param>
/// <param name="Abatement">When it ended: FHIR date or dateTime, if it did.</param>
/// <param name="RecordedDate">When it was first recorded: FHIR date or dateTime.</param>
/// <param name="Note">A note for the patient, if any.</param>
public sealed record HealthProblem(
    string Condition,
    IReadOnlyList<RecordCode> Codes,
    ProblemClinicalStatus ClinicalStatus,
    ProblemVerification? Verification,
    ProblemCategory Category,
    string? Onset = null,
    string? Abatement = null,
    string? RecordedDate = null,
    string? Note = null);

/// <summary>Whether the condition is current (FHIR <c>condition-clinical</c>).</summary>
public enum ProblemClinicalStatus
{
    /// <summary>Current.</summary>
    Active,

    /// <summary>Back after it had resolved.</summary>
    Recurrence,

    /// <summary>Back after a remission.</summary>
    Relapse,

    /// <summary>Not current.</summary>
    Inactive,

    /// <summary>In remission.</summary>
    Remission,

    /// <summary>Resolved.</summary>
    Resolved,
}

/// <summary>How sure the clinic is of the condition (FHIR <c>condition-ver-status</c>, without entered-in-error).</summary>
public enum ProblemVerification
{
    /// <summary>Not confirmed.</summary>
    Unconfirmed,

    /// <summary>A working diagnosis.</summary>
    Provisional,

    /// <summary>One of several possible diagnoses.</summary>
    Differential,

    /// <summary>Confirmed.</summary>
    Confirmed,

    /// <summary>Ruled out.</summary>
    Refuted,
}

/// <summary>What kind of condition entry it is (FHIR <c>condition-category</c> and US Core's health concern).</summary>
public enum ProblemCategory
{
    /// <summary>On the problem list.</summary>
    ProblemList,

    /// <summary>A diagnosis made at a visit.</summary>
    EncounterDiagnosis,

    /// <summary>A health concern.</summary>
    HealthConcern,
}
