namespace Portal.Core.Record;

/// <summary>A vaccine given, or recorded as not given (FHIR <c>Immunization</c>).</summary>
/// <param name="Vaccine">The vaccine as people read it (<c>Influenza, seasonal, injectable</c>).</param>
/// <param name="Codes">The vaccine's codes: CVX first when sent (see <see cref="Cvx"/>), NDC.</param>
/// <param name="Date">When it was given: FHIR date or dateTime.</param>
/// <param name="Status">Completed or not done.</param>
/// <param name="LotNumber">The vial's lot number, if recorded.</param>
/// <param name="Site">Where on the body (<c>Left arm</c>), if recorded.</param>
/// <param name="Performer">Who gave it, as people read it.</param>
/// <param name="Location">Where it was given, as people read it.</param>
/// <param name="PrimarySource">True when the clinic recorded it itself; false when it came from another source (a patient's card, a registry).</param>
/// <param name="NotDoneReason">Why it was not given, for <see cref="ImmunizationStatus.NotDone"/>.</param>
public sealed record Immunization(
    string Vaccine,
    IReadOnlyList<RecordCode> Codes,
    string Date,
    ImmunizationStatus Status,
    string? LotNumber = null,
    string? Site = null,
    string? Performer = null,
    string? Location = null,
    bool? PrimarySource = null,
    string? NotDoneReason = null)
{
    /// <summary>The CVX code, if sent.</summary>
    public RecordCode? Cvx => RecordCode.Find(Codes, CodeSystems.Cvx);
}

/// <summary>Whether the vaccine was given (FHIR <c>immunization-status</c>; entered-in-error is <see cref="RecordStatus.EnteredInError"/>).</summary>
public enum ImmunizationStatus
{
    /// <summary>Given.</summary>
    Completed,

    /// <summary>Not given (refused, contraindicated …).</summary>
    NotDone,
}
