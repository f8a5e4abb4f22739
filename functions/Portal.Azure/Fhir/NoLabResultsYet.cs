using Resource = Hl7.Fhir.Model.Resource;
using Portal.Core.Common;
using Portal.Core.Record.Fhir;

namespace Portal.Azure.Fhir;

/// <summary>
/// The lab results the FHIR API serves until lab ingestion stores them: none. Lab Observation and DiagnosticReport
/// searches answer empty searchsets and reads 404, without a storage request. When lab ingestion lands, its adapter
/// over the stored results implements <see cref="ILabResultsReader"/> and replaces this registration in
/// <see cref="FhirAdapters"/>; nothing else changes.
/// </summary>
internal sealed class NoLabResultsYet : ILabResultsReader
{
    public Task<Page<Resource>> SearchAsync(string patientId, LabResultsQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        continuationToken is null ? Task.FromResult(new Page<Resource>([], null)) : throw new InvalidContinuationTokenException();

    public Task<Resource?> FindAsync(string patientId, string resourceType, string id, bool includeConfidential, CancellationToken cancellationToken) =>
        Task.FromResult<Resource?>(null);
}
