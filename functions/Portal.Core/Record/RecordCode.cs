namespace Portal.Core.Record;

/// <summary>A code from a code system (a FHIR <c>Coding</c>): RxNorm for drugs, CVX for vaccines, SNOMED CT or ICD-10-CM for problems, LOINC for vital signs.</summary>
/// <param name="System">The code system's URI (see <see cref="CodeSystems"/>).</param>
/// <param name="Code">The code.</param>
/// <param name="Display">The system's text for the code, if sent.</param>
public sealed record RecordCode(string System, string Code, string? Display = null)
{
    /// <summary>The first code of <paramref name="system"/> among <paramref name="codes"/>, or null.</summary>
    public static RecordCode? Find(IReadOnlyList<RecordCode> codes, string system) =>
        codes.FirstOrDefault(c => string.Equals(c.System, system, StringComparison.Ordinal));
}

/// <summary>The code system URIs the record uses (as FHIR R4 names them).</summary>
public static class CodeSystems
{
    /// <summary>RxNorm (medications).</summary>
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>CVX (vaccines administered).</summary>
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";

    /// <summary>NDC (drug and vaccine products).</summary>
    public const string Ndc = "http://hl7.org/fhir/sid/ndc";

    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>ICD-10-CM (diagnoses).</summary>
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>LOINC (vital signs, document and note types).</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>UCUM (units of measure).</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>CPT (visit types).</summary>
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
}
