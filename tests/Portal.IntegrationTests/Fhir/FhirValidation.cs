using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Portal.IntegrationTests.Fhir;

/// <summary>
/// Firely's validator over the base FHIR R4 specification (the <c>specification.zip</c> that
/// Hl7.Fhir.Specification.Data.R4 copies next to the tests), offline. US Core's package is not available here, so
/// its profiles named in <c>meta.profile</c> cannot be resolved: those notices are the only ones set aside.
/// </summary>
internal static class FhirValidation
{
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    private static readonly Lock Gate = new();

    /// <summary>The validator's errors for the resource (none when it conforms), each with where it was found.</summary>
    public static IReadOnlyList<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Instance.Value.Validate(resource);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Where(i => !IsUnresolvableUsCoreProfile(i))
            .Select(i => $"{resource.TypeName}/{resource.Id} {string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")];
    }

    private static bool IsUnresolvableUsCoreProfile(OperationOutcome.IssueComponent issue) =>
        (issue.Details?.Text ?? issue.Diagnostics ?? "").Contains("http://hl7.org/fhir/us/core/StructureDefinition/", StringComparison.Ordinal)
        && (issue.Details?.Text ?? issue.Diagnostics ?? "").Contains("resolve", StringComparison.OrdinalIgnoreCase);
}
