using Portal.Core.Common;

namespace Portal.Core.Record.Fhir;

/// <summary>The FHIR API's own refusals.</summary>
internal static class FhirRefusals
{
    /// <summary>A SMART token whose scopes do not cover the interaction (403; says nothing about any patient).</summary>
    public static Failure Scope(string resourceType, SmartInteraction interaction) =>
        new(FailureKind.Forbidden, $"The token's SMART scopes do not allow {(interaction == SmartInteraction.Read ? "reading" : "searching")} {resourceType} (e.g. patient/{resourceType}.{(interaction == SmartInteraction.Read ? "r" : "s")}).");
}
