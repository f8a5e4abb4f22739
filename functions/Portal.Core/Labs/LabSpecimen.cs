namespace Portal.Core.Labs;

/// <summary>The specimen an order was tested on (HL7 SPM, FHIR Specimen).</summary>
public sealed record LabSpecimen
{
    /// <summary>Specimen identifier (SPM-2, filler's id else placer's).</summary>
    public LabIdentifier? Id { get; init; }

    /// <summary>Specimen type (SPM-4), e.g. SNOMED CT <c>122555007</c> venous blood.</summary>
    public LabCode? Type { get; init; }

    /// <summary>Collection time (SPM-17).</summary>
    public PartialDateTime? CollectedAt { get; init; }

    /// <summary>Time received by the lab (SPM-18).</summary>
    public PartialDateTime? ReceivedAt { get; init; }
}
