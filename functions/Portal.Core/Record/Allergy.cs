namespace Portal.Core.Record;

/// <summary>An allergy or intolerance (FHIR <c>AllergyIntolerance</c>).</summary>
/// <param name="Substance">What the patient reacts to, as people read it (<c>Penicillin</c>, <c>Peanuts</c>).</param>
/// <param name="Codes">The substance's codes (RxNorm, SNOMED CT …), if sent.</param>
/// <param name="Category">Food, medication, environment or biologic, if known.</param>
/// <param name="Reactions">The reactions seen (<c>Hives</c>, <c>Anaphylaxis</c>).</param>
/// <param name="Severity">How severe the worst reaction was, if known.</param>
/// <param name="Criticality">The risk of a life-threatening reaction, if assessed.</param>
/// <param name="ClinicalStatus">Active, inactive or resolved.</param>
/// <param name="Verification">How sure the clinic is.</param>
/// <param name="Onset">When it started: a FHIR date or dateTime, with the precision sent (<c>2015</c>, <c>2015-06-02</c>).</param>
/// <param name="Note">A note for the patient, if any.</param>
public sealed record Allergy(
    string Substance,
    IReadOnlyList<RecordCode> Codes,
    AllergyCategory? Category,
    IReadOnlyList<string> Reactions,
    AllergySeverity? Severity,
    AllergyCriticality? Criticality,
    AllergyClinicalStatus ClinicalStatus,
    AllergyVerification Verification,
    string? Onset = null,
    string? Note = null);

/// <summary>What kind of substance an allergy is to (FHIR <c>allergy-intolerance-category</c>).</summary>
public enum AllergyCategory
{
    /// <summary>A food.</summary>
    Food,

    /// <summary>A medication.</summary>
    Medication,

    /// <summary>Something in the environment (pollen, latex …).</summary>
    Environment,

    /// <summary>A biologic (vaccine, blood product …).</summary>
    Biologic,
}

/// <summary>How severe a reaction was (FHIR <c>reaction-event-severity</c>).</summary>
public enum AllergySeverity
{
    /// <summary>Mild.</summary>
    Mild,

    /// <summary>Moderate.</summary>
    Moderate,

    /// <summary>Severe.</summary>
    Severe,
}

/// <summary>The risk of a future life-threatening reaction (FHIR <c>allergy-intolerance-criticality</c>).</summary>
public enum AllergyCriticality
{
    /// <summary>Low risk.</summary>
    Low,

    /// <summary>High risk.</summary>
    High,

    /// <summary>Not assessable.</summary>
    UnableToAssess,
}

/// <summary>Whether the allergy is current (FHIR <c>allergyintolerance-clinical</c>).</summary>
public enum AllergyClinicalStatus
{
    /// <summary>Current.</summary>
    Active,

    /// <summary>No longer current.</summary>
    Inactive,

    /// <summary>Resolved.</summary>
    Resolved,
}

/// <summary>How sure the clinic is of the allergy (FHIR <c>allergyintolerance-verification</c>, without entered-in-error: see <see cref="RecordStatus"/>).</summary>
public enum AllergyVerification
{
    /// <summary>Reported, not confirmed.</summary>
    Unconfirmed,

    /// <summary>Confirmed.</summary>
    Confirmed,

    /// <summary>Ruled out.</summary>
    Refuted,
}
