namespace Portal.Core.Record.Fhir;

/// <summary>The FHIR API's settings (section <c>Fhir</c>).</summary>
public sealed class FhirOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Fhir";

    /// <summary>
    /// The namespace URI of the clinic's medical record numbers, the system of the Patient's MRN identifier
    /// (e.g. the EHR's <c>urn:oid:…</c>). Default <c>urn:portal:mrn</c>.
    /// </summary>
    public string PatientIdentifierSystem { get; set; } = "urn:portal:mrn";
}
