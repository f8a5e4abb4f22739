namespace Portal.Core.Record;

/// <summary>The sections of a patient's health record, as the portal shows them.</summary>
public enum RecordSection
{
    /// <summary>Allergies and intolerances.</summary>
    Allergies,

    /// <summary>Medications, active and past.</summary>
    Medications,

    /// <summary>Immunizations given (or recorded as not given).</summary>
    Immunizations,

    /// <summary>Problems: conditions on the problem list and visit diagnoses.</summary>
    Problems,

    /// <summary>Vital signs: blood pressure, heart rate, weight, height, BMI, temperature, SpO2 …</summary>
    Vitals,

    /// <summary>Visits (encounters) with their after-visit summaries.</summary>
    Visits,

    /// <summary>Care plans shared with the patient.</summary>
    CarePlans,

    /// <summary>Clinical notes shared with the patient.</summary>
    Notes,

    /// <summary>Documents: discharge papers, letters, imaging reports, forms (the bytes are blobs).</summary>
    Documents,
}
