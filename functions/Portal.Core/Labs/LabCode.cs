namespace Portal.Core.Labs;

/// <summary>
/// A coded concept (HL7 CE/CWE, FHIR CodeableConcept): a primary code, an optional alternate code
/// (often the lab's local code beside LOINC) and original text.
/// Systems use HL7 v2 names: <c>LN</c> (LOINC), <c>SCT</c> (SNOMED CT), <c>UCUM</c>, or the local name / URI as sent.
/// </summary>
public sealed record LabCode
{
    /// <summary>The HL7 name of LOINC.</summary>
    public const string LoincSystem = "LN";

    /// <summary>Primary code (CWE.1).</summary>
    public string? Code { get; init; }

    /// <summary>Primary display text (CWE.2).</summary>
    public string? Text { get; init; }

    /// <summary>Primary coding system (CWE.3).</summary>
    public string? System { get; init; }

    /// <summary>Alternate code (CWE.4).</summary>
    public string? AlternateCode { get; init; }

    /// <summary>Alternate display text (CWE.5).</summary>
    public string? AlternateText { get; init; }

    /// <summary>Alternate coding system (CWE.6).</summary>
    public string? AlternateSystem { get; init; }

    /// <summary>Original text (CWE.9 / CodeableConcept.text).</summary>
    public string? OriginalText { get; init; }

    /// <summary>The LOINC code among primary and alternate, if any.</summary>
    public string? Loinc =>
        System == LoincSystem ? Code : AlternateSystem == LoincSystem ? AlternateCode : null;

    /// <summary>Best text for people: original, primary, alternate text, else the code.</summary>
    public string? DisplayText => OriginalText ?? Text ?? AlternateText ?? Code;

    /// <summary><c>code^text^system</c>-like summary.</summary>
    public override string ToString() => $"{Code} {Text} ({System})";
}
