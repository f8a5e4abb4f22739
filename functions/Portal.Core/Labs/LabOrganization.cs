namespace Portal.Core.Labs;

/// <summary>The organization that performed an observation (OBX-23/24/25, FHIR performer).</summary>
public sealed record LabOrganization
{
    /// <summary>Name (XON.1).</summary>
    public string? Name { get; init; }

    /// <summary>Identifier (XON.10, else XON.3), e.g. a CLIA number.</summary>
    public string? Identifier { get; init; }

    /// <summary>Who assigned <see cref="Identifier"/> (XON.6).</summary>
    public LabDesignator? AssigningAuthority { get; init; }

    /// <summary>Address (OBX-24).</summary>
    public LabAddress? Address { get; init; }

    /// <summary>Medical director (OBX-25).</summary>
    public LabProvider? Director { get; init; }
}
