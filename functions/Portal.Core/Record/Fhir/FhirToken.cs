using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>A token search value: <c>system|code</c>, <c>code</c> (any system) or <c>|code</c> (no system).</summary>
/// <param name="System">The system, "" for "no system", or null for any.</param>
/// <param name="Code">The code.</param>
public sealed record FhirToken(string? System, string Code)
{
    /// <summary>Reads one value, or null when it has no code.</summary>
    public static FhirToken? Parse(string text)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        var token = bar < 0 ? new FhirToken(null, text) : new FhirToken(text[..bar], text[(bar + 1)..]);
        return token.Code.Length == 0 || token.Code.Contains('|', StringComparison.Ordinal) ? null : token;
    }

    /// <summary>True when the coding matches.</summary>
    public bool Matches(Coding coding) =>
        coding.Code == Code && (System is null || (System.Length == 0 ? string.IsNullOrEmpty(coding.System) : coding.System == System));

    /// <summary>True when a coding of the concept matches.</summary>
    public bool Matches(CodeableConcept? concept) => concept?.Coding.Any(Matches) == true;

    /// <inheritdoc />
    public override string ToString() => System is null ? Code : $"{System}|{Code}";
}
