using Hl7.Fhir.Model;
using Portal.Core.Common;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// Port: the patient's lab results as FHIR resources (<c>Observation</c> in category <c>laboratory</c> and
/// <c>DiagnosticReport</c> in category <c>LAB</c>), for the FHIR API, implemented by the labs feature over the results it
/// stores (<c>Portal.Core/Labs/Fhir/LabResultsFhirReader</c>).
/// <para>
/// Contract for the implementation: resources reference their patient as <c>Patient/{patientId}</c>, carry their
/// own <c>id</c>, <c>meta.versionId</c> and <c>meta.lastUpdated</c>, claim in <c>meta.profile</c> only the profiles
/// they meet, and never come from another patient's record. Pages are newest first; a continuation token from
/// another query is refused with <see cref="InvalidContinuationTokenException"/>. Access has been decided before
/// any call (the caller may read the patient's results); results not yet released are left out for the patient's side.
/// </para>
/// </summary>
public interface ILabResultsReader
{
    /// <summary>One page of the patient's lab resources of one type matching the query.</summary>
    Task<Page<Resource>> SearchAsync(string patientId, LabResultsQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>One lab resource by type and id, or null (also when <paramref name="releasedOnly"/> and it is not released yet).</summary>
    Task<Resource?> FindAsync(string patientId, string resourceType, string id, bool releasedOnly, CancellationToken cancellationToken);
}

/// <summary>Which lab resources a search wants.</summary>
/// <param name="ResourceType"><c>Observation</c> or <c>DiagnosticReport</c>.</param>
/// <param name="Codes">Any of these codes (LOINC), or empty for any.</param>
/// <param name="Dates">The clinical times kept (the observation's or report's effective time).</param>
/// <param name="ReleasedOnly">True for the patient and caregivers: results held back (not released yet) are left out.</param>
public sealed record LabResultsQuery(string ResourceType, IReadOnlyList<FhirToken> Codes, FhirDateRange Dates, bool ReleasedOnly);
