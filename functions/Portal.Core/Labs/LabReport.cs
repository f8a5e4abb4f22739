namespace Portal.Core.Labs;

/// <summary>
/// One lab message, normalized: who sent it, which patients and which orders with their observations.
/// Produced from HL7 v2 ORU^R01 by <see cref="Hl7.OruR01Reader"/> and from FHIR R4 by <see cref="Fhir.FhirLabReportReader"/>.
/// </summary>
public sealed record LabReport
{
    /// <summary>The format it came in.</summary>
    public LabReportFormat Format { get; init; }

    /// <summary>Sending application (MSH-3).</summary>
    public LabDesignator? SendingApplication { get; init; }

    /// <summary>Sending facility (MSH-4).</summary>
    public LabDesignator? SendingFacility { get; init; }

    /// <summary>Receiving application (MSH-5).</summary>
    public LabDesignator? ReceivingApplication { get; init; }

    /// <summary>Receiving facility (MSH-6).</summary>
    public LabDesignator? ReceivingFacility { get; init; }

    /// <summary>Message control id (MSH-10; FHIR Bundle.identifier or Bundle.id): the idempotency key.</summary>
    public string? MessageControlId { get; init; }

    /// <summary>Message time (MSH-7, FHIR Bundle.timestamp).</summary>
    public PartialDateTime? MessageTime { get; init; }

    /// <summary>HL7 version (MSH-12), e.g. <c>2.5.1</c>; <c>R4</c> for FHIR.</summary>
    public string? Version { get; init; }

    /// <summary>Message type as sent, e.g. <c>ORU^R01</c>.</summary>
    public string? MessageType { get; init; }

    /// <summary>The patients, in message order.</summary>
    public IReadOnlyList<LabPatient> Patients { get; init; } = [];

    /// <summary>The orders, in message order; each names its patient.</summary>
    public IReadOnlyList<LabOrder> Orders { get; init; } = [];

    /// <summary>
    /// Departures from the standard the reader tolerated, one sentence each (e.g. OBX fields shifted by
    /// extra empty fields). Empty for a clean message; ingestion should log them for the lab interface team.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
