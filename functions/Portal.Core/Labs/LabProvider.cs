namespace Portal.Core.Labs;

/// <summary>A clinician (HL7 XCN, FHIR Practitioner reference).</summary>
public sealed record LabProvider
{
    /// <summary>Identifier (XCN.1, e.g. an NPI).</summary>
    public string? Id { get; init; }

    /// <summary>Name.</summary>
    public LabPersonName? Name { get; init; }

    /// <summary>Who assigned <see cref="Id"/> (XCN.9).</summary>
    public LabDesignator? AssigningAuthority { get; init; }

    /// <summary>Free text when no structured name is known (FHIR Reference.display).</summary>
    public string? Display { get; init; }
}
