using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>What searches and SMART category constraints read from a served resource, whatever its type.</summary>
internal static class FhirCategories
{
    /// <summary>The resource's categories as <c>system|code</c> (its <c>category</c> search parameter's values).</summary>
    public static IEnumerable<string> Of(Resource resource) => resource switch
    {
        Observation o => Codes(o.Category),
        Condition c => Codes(c.Category),
        DocumentReference d => Codes(d.Category),
        DiagnosticReport r => Codes(r.Category),
        Hl7.Fhir.Model.CarePlan p => Codes(p.Category),
        AllergyIntolerance a => a.Category.Where(c => c is not null).Select(c => $"http://hl7.org/fhir/allergy-intolerance-category|{Hl7.Fhir.Utility.EnumUtility.GetLiteral(c)}"),
        _ => [],
    };

    /// <summary>The resource's code (the <c>code</c> search parameter), or null.</summary>
    public static CodeableConcept? CodeOf(Resource resource) => resource switch
    {
        Observation o => o.Code,
        DiagnosticReport r => r.Code,
        Condition c => c.Code,
        AllergyIntolerance a => a.Code,
        _ => null,
    };

    /// <summary>The patient the resource is about, as a reference text.</summary>
    public static string? SubjectOf(Resource resource) => resource switch
    {
        Observation o => o.Subject?.Reference,
        DiagnosticReport r => r.Subject?.Reference,
        _ => null,
    };

    private static IEnumerable<string> Codes(IEnumerable<CodeableConcept> concepts) =>
        concepts.SelectMany(c => c.Coding).Select(c => $"{c.System}|{c.Code}");
}
