using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// The server's CapabilityStatement (<c>GET metadata</c>), written from <see cref="FhirCatalog"/>: FHIR 4.0.1, JSON,
/// read and search-type on exactly the catalogued types with exactly their search parameters, SMART on FHIR security.
/// </summary>
public static class CapabilityStatementResource
{
    /// <summary>When this statement last changed (it changes with the code, not with time).</summary>
    public const string Date = "2026-12-02";

    /// <summary>The statement for a server at <paramref name="fhirBase"/>.</summary>
    public static CapabilityStatement From(string fhirBase, string clinicName) => new()
    {
        Url = $"{fhirBase}/metadata",
        Name = "PortalServerlessFhirApi",
        Title = $"{clinicName} patient portal FHIR API",
        Status = PublicationStatus.Active,
        Date = Date,
        Publisher = clinicName,
        Description = new Markdown(
            "Read-only FHIR R4 access to one patient's record at a time, for the patient, the caregivers they allow and the clinic's staff, "
            + "following US Core 6.1 (USCDI v3) where the record holds the data. Authorization: SMART App Launch 2 scopes on Entra ID tokens "
            + "(see .well-known/smart-configuration); without SMART scopes the portal's own roles and grants decide."),
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "PortalServerless" },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = $"{clinicName} patient portal", Url = fhirBase },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        ImplementationGuide = ["http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core|6.1.0"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = new Markdown(
                    $"Every search but Patient's, Slot's and Schedule's (the clinic's) needs `patient`; pages hold `_count` resources (default {FhirCatalog.DefaultCount}, at most {FhirCatalog.MaxCount}) "
                    + "and link the next page; `total` is not given. Unsupported parameters and modifiers are refused (400). Errors are OperationOutcomes: "
                    + "401 without a valid token, 403 when the token's scopes or the portal's policy refuse, 404 for what the caller may not see."),
                Security = new CapabilityStatement.SecurityComponent
                {
                    Cors = true,
                    Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")],
                    Description = new Markdown("OAuth 2.0 bearer tokens from Entra ID; SMART v2 patient and user scopes (v1 `.read` too), including `?category=` constraints."),
                },
                Resource = [.. FhirCatalog.Types.Select(Resource)],
            },
        ],
    };

    private static CapabilityStatement.ResourceComponent Resource(FhirResourceKind kind) => new()
    {
        Type = kind.Name,
        SupportedProfile = [.. kind.Profiles],
        Documentation = kind.Name == "Patient" ? null
            : kind.ClinicLevel ? new Markdown(kind.Name == "Slot"
                ? "The clinic's open slots, as the portal's slot search shows them to the caller (visit types they may book); no patient. Read by id while the slot is open."
                : "One per provider: their bookable time (the slots come from Slot searches); no patient.")
            : new Markdown($"Read by id: patients and caregivers read from the records they are linked to; staff add `?patient={{id}}`."),
        Interaction =
        [
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
        ],
        Versioning = CapabilityStatement.ResourceVersionPolicy.Versioned,
        ReadHistory = false,
        SearchParam =
        [
            .. kind.SearchParameters.Select(p => new CapabilityStatement.SearchParamComponent
            {
                Name = p.Name,
                Definition = p.Definition,
                Type = p.Type,
                Documentation = new Markdown(p.Documentation),
            }),
        ],
    };
}
