using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// The FHIR API's resource types, their search parameters and the profiles their resources claim: one table that
/// the search parser accepts from and the CapabilityStatement is written from, so the two cannot disagree.
/// </summary>
public static class FhirCatalog
{
    /// <summary>The search parameter that names the patient (every type but Patient).</summary>
    public const string PatientParameter = "patient";

    /// <summary>The page size parameter.</summary>
    public const string CountParameter = "_count";

    /// <summary>The continuation token parameter of <c>next</c> links (opaque to clients).</summary>
    public const string ContinuationParameter = "ct";

    /// <summary>Resources per page when <c>_count</c> is not given.</summary>
    public const int DefaultCount = 25;

    /// <summary>The most resources one page holds (a larger <c>_count</c> is lowered to it).</summary>
    public const int MaxCount = 100;

    private const string UsCore = "http://hl7.org/fhir/us/core/StructureDefinition/";
    private const string Base = "http://hl7.org/fhir/SearchParameter/";

    private static readonly FhirSearchParameter Patient =
        new(PatientParameter, SearchParamType.Reference, Base + "clinical-patient", "The patient: `{id}` or `Patient/{id}`. Required.");

    private static readonly FhirSearchParameter[] ResultParameters =
    [
        Patient,
        new("category", SearchParamType.Token, "{0}-category", "`[system|]code`, commas for any of several."),
        new("code", SearchParamType.Token, Base + "clinical-code", "`[system|]code` (LOINC), commas for any of several."),
        new("date", SearchParamType.Date, Base + "clinical-date", "`[ge|le|gt|lt|eq]YYYY[-MM[-DD[Thh:mm[:ss][zone]]]]`; repeat for a range. Dates without a zone are the clinic's."),
    ];

    /// <summary>Every type the API serves, in the order the CapabilityStatement lists them.</summary>
    public static IReadOnlyList<FhirResourceKind> Types { get; } =
    [
        new("Patient", [new("_id", SearchParamType.Token, Base + "Resource-id", "The patient's id. Required.")], [UsCore + "us-core-patient"]),
        new("AllergyIntolerance", [Patient], [UsCore + "us-core-allergyintolerance"]),
        new("MedicationRequest", [Patient], [UsCore + "us-core-medicationrequest"]),
        new("Immunization", [Patient], [UsCore + "us-core-immunization"]),
        new("Condition", [Patient], [UsCore + "us-core-condition-problems-health-concerns", UsCore + "us-core-condition-encounter-diagnosis"]),
        new("Observation", Specific("Observation"), VitalSignResource.AllProfiles),
        new("Encounter", [Patient], [UsCore + "us-core-encounter"]),
        new("DocumentReference", [Patient], [UsCore + "us-core-documentreference"]),
        new("DiagnosticReport", Specific("DiagnosticReport"), []),
        new("CarePlan", [Patient], [UsCore + "us-core-careplan"]),
        new("Communication", [PatientOf("Communication")], []),
        new("Coverage", [PatientOf("Coverage")], []),
        new("ExplanationOfBenefit", [PatientOf("ExplanationOfBenefit")], []),
        new("Appointment", [PatientOf("Appointment"), new("date", SearchParamType.Date, Base + "Appointment-date", "The visit's start: `[ge|le|gt|lt|eq]YYYY[-MM[-DD[Thh:mm[:ss][zone]]]]`; repeat for a range. Dates without a zone are the clinic's.")], []),
        new(
            "Slot",
            [
                new("service-type", SearchParamType.Token, Base + "Slot-service-type", "The visit type: `[" + ClinicVisitTypeSystem + "|]{id}`. Required."),
                new("schedule", SearchParamType.Reference, Base + "Slot-schedule", "One provider's schedule: `Schedule/{providerId}` or `{providerId}`."),
                new("start", SearchParamType.Date, Base + "Slot-start", "`[ge|le|gt|lt|eq]` and a date or dateTime; repeat for a range (at most 14 days; default the coming 7)."),
            ],
            [],
            ClinicLevel: true),
        new("Schedule", [new("actor", SearchParamType.Reference, Base + "Schedule-actor", "The provider: `Practitioner/{id}`.")], [], ClinicLevel: true),
        new("Task", [PatientOf("Task")], []),
        new("RelatedPerson", [PatientOf("RelatedPerson")], []),
        new("Consent", [PatientOf("Consent")], []),
        new("QuestionnaireResponse", [PatientOf("QuestionnaireResponse")], []),
        new("Provenance", [PatientOf("Provenance")], []),
    ];

    /// <summary>The code system of the clinic's visit types (a Slot's and an Appointment's <c>serviceType</c>).</summary>
    public const string ClinicVisitTypeSystem = "urn:portal:visit-type";

    /// <summary>The type named exactly so (FHIR type names are case-sensitive), or null.</summary>
    public static FhirResourceKind? Find(string? name) => Types.FirstOrDefault(t => t.Name == name);

    /// <summary>The names of every type, for messages.</summary>
    public static string Listed => string.Join(", ", Types.Select(t => t.Name));

    // The types outside R4's shared clinical-patient parameter define their own.
    private static FhirSearchParameter PatientOf(string type) => Patient with { Definition = $"{Base}{type}-patient" };

    private static FhirSearchParameter[] Specific(string type) =>
        [.. ResultParameters.Select(p => p with { Definition = string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Definition, Base + type) })];
}

/// <summary>One resource type the API serves.</summary>
/// <param name="Name">The FHIR type name.</param>
/// <param name="SearchParameters">The search parameters it accepts (besides <c>_count</c> and the continuation).</param>
/// <param name="Profiles">The profiles its resources may claim in <c>meta.profile</c> (each resource claims those it meets).</param>
/// <param name="ClinicLevel">True for the clinic's resources (Slot, Schedule): no patient is named, read by anyone signed in, not audited per patient.</param>
public sealed record FhirResourceKind(string Name, IReadOnlyList<FhirSearchParameter> SearchParameters, IReadOnlyList<string> Profiles, bool ClinicLevel = false)
{
    /// <summary>The parameter of that name, or null.</summary>
    public FhirSearchParameter? Parameter(string name) => SearchParameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>A search parameter the API supports.</summary>
/// <param name="Name">Its name in the query.</param>
/// <param name="Type">Its FHIR search type.</param>
/// <param name="Definition">The canonical URL of its SearchParameter.</param>
/// <param name="Documentation">How this server reads it.</param>
public sealed record FhirSearchParameter(string Name, SearchParamType Type, string Definition, string Documentation);
