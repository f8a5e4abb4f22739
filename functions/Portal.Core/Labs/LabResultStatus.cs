namespace Portal.Core.Labs;

/// <summary>
/// Status of an order's results or of one observation, normalized from HL7 OBR-25 / OBX-11
/// (tables 0123 / 0085) and FHIR DiagnosticReport/Observation.status. The code as sent is kept beside it.
/// </summary>
public enum LabResultStatus
{
    /// <summary>Not sent or not recognised.</summary>
    Unknown,

    /// <summary>Ordered or received, no results yet (HL7 O, I, S; FHIR registered).</summary>
    Registered,

    /// <summary>Some results available (HL7 A; FHIR partial).</summary>
    Partial,

    /// <summary>Preliminary or unverified (HL7 P, R; FHIR preliminary).</summary>
    Preliminary,

    /// <summary>Final (HL7 F; FHIR final).</summary>
    Final,

    /// <summary>Corrects an earlier final result (HL7 C; FHIR corrected).</summary>
    Corrected,

    /// <summary>Amended (FHIR amended, appended).</summary>
    Amended,

    /// <summary>Cancelled, no result (HL7 X, N; FHIR cancelled).</summary>
    Cancelled,

    /// <summary>Sent in error or deleted (HL7 W, D; FHIR entered-in-error).</summary>
    EnteredInError,
}
