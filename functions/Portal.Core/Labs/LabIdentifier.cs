namespace Portal.Core.Labs;

/// <summary>An identifier with who assigned it and what kind it is (HL7 CX/EI, FHIR Identifier).</summary>
public sealed record LabIdentifier
{
    /// <summary>The identifier itself (CX.1 / EI.1 / Identifier.value).</summary>
    public required string Value { get; init; }

    /// <summary>Who assigned it (CX.4 / EI.2-4 / Identifier.system).</summary>
    public LabDesignator? AssigningAuthority { get; init; }

    /// <summary>Identifier type code (CX.5, HL7 table 0203): <c>MR</c>, <c>SS</c>, <c>PI</c> …</summary>
    public string? TypeCode { get; init; }

    /// <summary>The facility that assigned it (CX.6), when sent.</summary>
    public LabDesignator? AssigningFacility { get; init; }

    /// <summary>The value.</summary>
    public override string ToString() => Value;
}
