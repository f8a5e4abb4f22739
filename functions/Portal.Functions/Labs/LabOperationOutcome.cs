using Portal.Core.Labs;
using Portal.Core.Labs.Ingestion;

namespace Portal.Functions.Labs;

/// <summary>A FHIR R4 OperationOutcome: what became of a pushed FHIR lab message.</summary>
/// <param name="ResourceType">Always <c>OperationOutcome</c>.</param>
/// <param name="Issue">What happened: an information issue when stored, warnings for what was tolerated, errors when refused.</param>
public sealed record LabOperationOutcome(string ResourceType, IReadOnlyList<LabOutcomeIssue> Issue)
{
    /// <summary>The outcome of an ingestion.</summary>
    public static LabOperationOutcome From(LabIngestOutcome outcome)
    {
        if (!outcome.Accepted)
        {
            var refusal = outcome.Refusal!;
            return new("OperationOutcome", [new("error", refusal.Reason is LabRefusalReason.InvalidFhir or LabRefusalReason.Empty ? "structure" : "processing", refusal.Message)]);
        }

        var stored = outcome.Duplicate
            ? $"Already stored: message {outcome.MessageControlId} from {outcome.Facility} was received before; nothing changed."
            : $"Stored: message {outcome.MessageControlId} from {outcome.Facility}, {outcome.Patients.Count} patient(s) matched, {outcome.Unmatched.Count} for staff to match.";
        return new("OperationOutcome", [new("information", "informational", stored), .. outcome.Warnings.Select(w => new LabOutcomeIssue("warning", "informational", w))]);
    }

    /// <summary>400 for content that is not FHIR JSON at all, 422 for a Bundle that cannot be used.</summary>
    public static int StatusOf(LabIngestOutcome outcome) =>
        outcome.Accepted ? 201
        : outcome.Refusal?.Reason is LabRefusalReason.InvalidFhir or LabRefusalReason.Empty or LabRefusalReason.BinaryContent or LabRefusalReason.TooLarge ? 400
        : 422;
}

/// <summary>One issue of a <see cref="LabOperationOutcome"/>.</summary>
/// <param name="Severity"><c>information</c>, <c>warning</c> or <c>error</c>.</param>
/// <param name="Code">The FHIR issue type: <c>informational</c>, <c>structure</c>, <c>processing</c>.</param>
/// <param name="Diagnostics">What happened, in words.</param>
public sealed record LabOutcomeIssue(string Severity, string Code, string Diagnostics);
