namespace Portal.Core.Labs;

/// <summary>The wire format a <see cref="LabReport"/> was read from.</summary>
public enum LabReportFormat
{
    /// <summary>HL7 v2 ORU^R01.</summary>
    Hl7V2,

    /// <summary>FHIR R4 JSON (Bundle with DiagnosticReport).</summary>
    FhirR4,
}
