namespace Portal.Core.Labs;

/// <summary>One ordered test with its results (HL7 ORC/OBR group, FHIR DiagnosticReport).</summary>
public sealed record LabOrder
{
    /// <summary>The patient the order belongs to (the PID before it), or null when none was sent.</summary>
    public LabPatient? Patient { get; init; }

    /// <summary>Placer order number (OBR-2, else ORC-2; FHIR basedOn/identifier).</summary>
    public LabIdentifier? PlacerOrderNumber { get; init; }

    /// <summary>Filler (lab) order number (OBR-3, else ORC-3; FHIR identifier).</summary>
    public LabIdentifier? FillerOrderNumber { get; init; }

    /// <summary>The test ordered (OBR-4, FHIR DiagnosticReport.code).</summary>
    public LabCode Test { get; init; } = new();

    /// <summary>Specimen collection time (OBR-7, FHIR effective[x]).</summary>
    public PartialDateTime? CollectedAt { get; init; }

    /// <summary>Time the results were reported or last changed (OBR-22, FHIR issued).</summary>
    public PartialDateTime? ReportedAt { get; init; }

    /// <summary>Result status (OBR-25) normalized.</summary>
    public LabResultStatus Status { get; init; }

    /// <summary>Result status as sent.</summary>
    public string? StatusCode { get; init; }

    /// <summary>
    /// Diagnostic service section (OBR-24, HL7 table 0074: <c>CH</c> chemistry, <c>HM</c> hematology, <c>MB</c> microbiology,
    /// <c>SP</c> surgical pathology …; FHIR DiagnosticReport.category code), when sent.
    /// </summary>
    public string? ServiceSection { get; init; }

    /// <summary>Ordering provider (OBR-16, else ORC-12).</summary>
    public LabProvider? OrderingProvider { get; init; }

    /// <summary>Specimen (SPM), when sent.</summary>
    public LabSpecimen? Specimen { get; init; }

    /// <summary>Notes (NTE after the OBR, FHIR conclusion).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The results.</summary>
    public IReadOnlyList<LabObservation> Observations { get; init; } = [];
}
