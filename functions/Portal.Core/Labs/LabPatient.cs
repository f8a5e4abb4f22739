namespace Portal.Core.Labs;

/// <summary>The patient a lab report is about, as the lab identifies them (HL7 PID, FHIR Patient).</summary>
public sealed record LabPatient
{
    /// <summary>Identifiers (PID-3 repetitions) with authority and type (MR, SS …).</summary>
    public IReadOnlyList<LabIdentifier> Identifiers { get; init; } = [];

    /// <summary>Name (first PID-5 repetition).</summary>
    public LabPersonName? Name { get; init; }

    /// <summary>Birth date (PID-7), at the precision sent.</summary>
    public PartialDateTime? BirthDate { get; init; }

    /// <summary>Administrative sex as sent (PID-8: <c>M</c>, <c>F</c>, <c>U</c> …; FHIR gender mapped to these).</summary>
    public string? Sex { get; init; }
}
