namespace Portal.Core.Record.Fhir;

/// <summary>
/// The portal's FHIR extensions on MedicationRequest, for what refill requests need and base FHIR keeps elsewhere
/// (MedicationDispense, the drug's schedule).
/// </summary>
public static class PortalExtensions
{
    private const string Base = "https://patient-portal.example.org/fhir/StructureDefinition/";

    /// <summary><c>valueInteger</c>: refills left on the prescription (else <c>dispenseRequest.numberOfRepeatsAllowed</c>).</summary>
    public const string RefillsRemaining = Base + "refills-remaining";

    /// <summary><c>valueDate</c>: when it was last filled.</summary>
    public const string LastFillDate = Base + "last-fill-date";

    /// <summary><c>valueBoolean</c>: a controlled substance (DEA schedule II–V).</summary>
    public const string ControlledSubstance = Base + "controlled-substance";
}
