namespace Portal.Core.Labs.Results;

/// <summary>
/// The kinds of result a patient may choose to hold until their clinician has reviewed them, from the order's
/// diagnostic service section (HL7 OBR-24, table 0074; FHIR DiagnosticReport.category).
/// </summary>
public enum ResultCategory
{
    /// <summary>Chemistry, hematology, urinalysis and every section not named below.</summary>
    General,

    /// <summary>Surgical pathology and cytopathology (SP, CP, PAT).</summary>
    Pathology,

    /// <summary>Cytogenetics and molecular genetics (CG, GE, GEN, MG).</summary>
    Genetics,

    /// <summary>Microbiology, mycology, virology, parasitology (MB, MCB, MYC, VR, PAR).</summary>
    Microbiology,

    /// <summary>Blood bank and serology (BLB, SR).</summary>
    Serology,
}

/// <summary>Maps a service section code to a <see cref="ResultCategory"/>.</summary>
public static class ResultCategories
{
    /// <summary>The category of a service section code (case-insensitive); <see cref="ResultCategory.General"/> when unknown.</summary>
    public static ResultCategory FromServiceSection(string? code) => code?.ToUpperInvariant() switch
    {
        "SP" or "CP" or "PAT" or "PATH" => ResultCategory.Pathology,
        "CG" or "GE" or "GEN" or "MG" or "GENETICS" => ResultCategory.Genetics,
        "MB" or "MCB" or "MYC" or "VR" or "PAR" => ResultCategory.Microbiology,
        "BLB" or "SR" => ResultCategory.Serology,
        _ => ResultCategory.General,
    };
}
