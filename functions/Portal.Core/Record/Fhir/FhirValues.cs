using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>Reads the FHIR data types the record keeps: codings, text, times, people and places named by references.</summary>
internal static partial class FhirValues
{
    /// <summary>The codes of a concept that carry a system and a code.</summary>
    public static IReadOnlyList<RecordCode> Codes(CodeableConcept? concept) =>
        concept is null ? [] : [.. concept.Coding.Where(c => c.System is { Length: > 0 } && c.Code is { Length: > 0 }).Select(c => new RecordCode(c.System!, c.Code!, c.Display))];

    /// <summary>A concept as people read it: its text, else the first coding's display, else its first code.</summary>
    public static string? Text(CodeableConcept? concept) =>
        concept is null ? null
        : !string.IsNullOrWhiteSpace(concept.Text) ? concept.Text.Trim()
        : concept.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim()
        ?? concept.Coding.Select(c => c.Code).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    /// <summary>True when the concept has a coding with <paramref name="code"/> (of <paramref name="system"/> when given).</summary>
    public static bool Has(CodeableConcept? concept, string code, string? system = null) =>
        concept?.Coding.Any(c => c.Code == code && (system is null || c.System == system)) == true;

    /// <summary>The first code of a concept in <paramref name="system"/>.</summary>
    public static string? Code(CodeableConcept? concept, string system) => concept?.Coding.FirstOrDefault(c => c.System == system)?.Code;

    /// <summary>A dateTime-ish choice element as FHIR text (<c>dateTime</c>, the start of a <c>Period</c>, a <c>date</c>).</summary>
    public static string? Time(DataType? value) => value switch
    {
        FhirDateTime dateTime => dateTime.Value,
        Date date => date.Value,
        Period period => period.Start,
        Instant instant => instant.Value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Who or what a reference names, as people read it (its display; the contained resource's name).</summary>
    public static string? Display(ResourceReference? reference) =>
        string.IsNullOrWhiteSpace(reference?.Display) ? null : reference.Display.Trim();

    /// <summary>The plain text of a narrative (tags dropped, white space folded), or null.</summary>
    public static string? Narrative(Narrative? narrative)
    {
        if (string.IsNullOrWhiteSpace(narrative?.Div))
        {
            return null;
        }

        var text = Tags().Replace(Breaks().Replace(narrative.Div, "\n"), " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        var joined = string.Join("\n", lines);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>A UCUM quantity's number and code.</summary>
    public static (decimal Value, string Unit)? Quantity(DataType? value) =>
        value is Hl7.Fhir.Model.Quantity { Value: { } number } quantity ? (number, quantity.Code ?? quantity.Unit ?? "") : null;

    /// <summary>True when the resource carries a restricted confidentiality label (v3 Confidentiality R or V): adolescent-confidential.</summary>
    public static bool Confidential(Resource resource) =>
        resource.Meta?.Security.Any(c => c.System == "http://terminology.hl7.org/CodeSystem/v3-Confidentiality" && c.Code is "R" or "V") == true;

    [GeneratedRegex("<(br|/p|/li|/tr|/div|/h[1-6])[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
