using Portal.Core.Files;

namespace Portal.Core.Record.Export;

/// <summary>An export of the record: both files, each behind a five-minute download link.</summary>
/// <param name="ExportId">The export's id.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Items">How many record items it holds (the Patient aside).</param>
/// <param name="Bundle">The FHIR R4 collection Bundle (<c>application/fhir+json</c>).</param>
/// <param name="Summary">The printable PDF summary.</param>
public sealed record RecordExport(string ExportId, DateTimeOffset CreatedAt, int Items, DownloadLink Bundle, DownloadLink Summary);
