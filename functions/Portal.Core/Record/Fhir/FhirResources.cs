using System.Globalization;
using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// Record items as FHIR R4 resources (the output direction): the resource id is the item id, <c>meta.versionId</c>
/// the item's version, <c>meta.lastUpdated</c> when that version was written, the subject <c>Patient/{patientId}</c>.
/// Each section's resource is written by its own <c>…Resource</c> class; this holds what they share.
/// </summary>
public static class FhirResources
{
    /// <summary>The FHIR type an item of the section is served as.</summary>
    public static string TypeOf(RecordSection section) => section switch
    {
        RecordSection.Allergies => "AllergyIntolerance",
        RecordSection.Medications => "MedicationRequest",
        RecordSection.Immunizations => "Immunization",
        RecordSection.Problems => "Condition",
        RecordSection.Vitals => "Observation",
        RecordSection.Visits => "Encounter",
        RecordSection.CarePlans => "CarePlan",
        RecordSection.Notes or RecordSection.Documents => "DocumentReference",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>The sections whose items are served as the FHIR type (none for types served from elsewhere).</summary>
    public static IReadOnlyList<RecordSection> SectionsOf(string resourceType) =>
        [.. RecordSections.All.Where(s => TypeOf(s) == resourceType)];

    /// <summary>The item as its FHIR resource.</summary>
    public static Resource From(RecordItem item, FhirContext context) => item.Content switch
    {
        { Allergy: { } allergy } => AllergyResource.From(item, allergy, context),
        { Medication: { } medication } => MedicationRequestResource.From(item, medication, context),
        { Immunization: { } immunization } => ImmunizationResource.From(item, immunization, context),
        { Problem: { } problem } => ConditionResource.From(item, problem, context),
        { VitalSign: { } vital } => VitalSignResource.From(item, vital, context),
        { Visit: { } visit } => EncounterResource.From(item, visit, context),
        { CarePlan: { } plan } => CarePlanResource.From(item, plan, context),
        { Note: { } note } => DocumentReferenceResource.From(item, note, context),
        { Document: { } document } => DocumentReferenceResource.From(item, document, context),
        _ => throw new ArgumentException("The item has no content.", nameof(item)),
    };

    /// <summary>The resource's meta: version, last update and the profiles it meets.</summary>
    internal static Meta Meta(RecordItem item, params IEnumerable<string> profiles) => new()
    {
        VersionId = item.Version.ToString(CultureInfo.InvariantCulture),
        LastUpdated = item.RecordedAt,
        Profile = [.. profiles],
    };

    /// <summary><c>Patient/{id}</c>.</summary>
    public static ResourceReference Patient(string patientId) => new($"Patient/{patientId}");

    /// <summary>The visit the item was recorded at, as <c>Encounter/{visitId}</c>, or null.</summary>
    internal static ResourceReference? Encounter(RecordItem item) => item.VisitId is { } visit ? new ResourceReference($"Encounter/{visit}") : null;

    /// <summary>A person or place known only by name (a reference with a display and no target).</summary>
    internal static ResourceReference? Named(string? name) => string.IsNullOrWhiteSpace(name) ? null : new ResourceReference { Display = name };

    /// <summary>A concept from the sent codes with the text people read.</summary>
    internal static CodeableConcept Concept(IEnumerable<RecordCode> codes, string? text) => new()
    {
        Coding = [.. codes.Select(Coding)],
        Text = string.IsNullOrWhiteSpace(text) ? null : text,
    };

    /// <summary>One coding.</summary>
    internal static Coding Coding(RecordCode code) => new(code.System, code.Code, code.Display);

    /// <summary>A concept of one code.</summary>
    internal static CodeableConcept Coded(string system, string code, string? display = null) => new(system, code, display);

    /// <summary>A concept of text only, or null.</summary>
    internal static CodeableConcept? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : new CodeableConcept { Text = text };

    /// <summary>The sending system's identifiers (the portal's own made-up ones left out).</summary>
    internal static List<Identifier> Identifiers(RecordItem item) =>
        [.. item.Identifiers.Where(i => !i.System.StartsWith("urn:portal:", StringComparison.Ordinal)).Select(i => new Identifier(i.System, i.Value))];

    /// <summary>An annotation, or none.</summary>
    internal static List<Annotation> Notes(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [new Annotation { Text = new Markdown(text) }];

    /// <summary>
    /// A record time as a FHIR <c>dateTime</c>: dates keep their precision; a time without an offset (which FHIR
    /// does not allow) is the clinic's local time, written with its offset. Null for no time or an unreadable one.
    /// </summary>
    internal static FhirDateTime? DateTime(string? text, FhirContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length <= 10 || FhirDateTime.IsValidValue(text))
        {
            return FhirDateTime.IsValidValue(text) ? new FhirDateTime(text) : null;
        }

        return ClinicalTimes.ToInstant(text, context.ClinicZone) is { } instant
            ? new FhirDateTime(TimeZoneInfo.ConvertTime(instant, context.ClinicZone))
            : null;
    }

    /// <summary>A record time as a FHIR <c>dateTime</c> string (see <see cref="DateTime(string?, FhirContext)"/>).</summary>
    internal static string? DateTimeText(string? text, FhirContext context) => DateTime(text, context)?.Value;
}

/// <summary>What the resources need to know besides the item: where the API lives and whose clinic it is.</summary>
/// <param name="ApiBase">The API's absolute base (<c>https://host/api</c>), for links to document content.</param>
/// <param name="ClinicName">The clinic, the custodian of documents.</param>
/// <param name="ClinicZone">The clinic's time zone, for record times without an offset.</param>
public sealed record FhirContext(string ApiBase, string ClinicName, TimeZoneInfo ClinicZone);
