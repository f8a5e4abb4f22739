using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Labs;
using Portal.Core.Labs.Ingestion;

namespace Portal.Azure.Labs;

/// <summary>
/// The message ledger in <c>Lookups</c> (partition <c>lab-message|{facility}</c>, RowKey the control id) and the
/// originals in the <c>lab-messages</c> container.
/// </summary>
internal sealed class TableLabMessages(PortalTables tables, BlobServiceClient blobs) : ILabMessages
{
    public const string Container = "lab-messages";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(Container);

    public async Task<LabMessageRecord?> BeginAsync(LabMessageRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.AddEntityAsync(ToEntity(record), cancellationToken);
            return null;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await tables.Lookups.GetEntityAsync<TableEntity>(Partition(record.Facility), TableKeys.Encode(record.ControlId), ["Data"], cancellationToken);
            return JsonSerializer.Deserialize<LabMessageRecord>(existing.Value.GetString("Data"), PortalJson.Options)!;
        }
    }

    public Task CompleteAsync(LabMessageRecord record, CancellationToken cancellationToken) =>
        tables.Lookups.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken);

    public Task ArchiveAsync(string path, ReadOnlyMemory<byte> content, LabReportFormat format, CancellationToken cancellationToken) =>
        _container.GetBlobClient(path).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = format == LabReportFormat.FhirR4 ? "application/fhir+json" : "x-application/hl7-v2+er7" },
            },
            cancellationToken);

    public async Task<byte[]?> ReadArchiveAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private static string Partition(string facility) => "lab-message|" + TableKeys.Encode(facility);

    private static TableEntity ToEntity(LabMessageRecord record) => new(Partition(record.Facility), TableKeys.Encode(record.ControlId))
    {
        ["Data"] = JsonSerializer.Serialize(record, PortalJson.Options),
        ["Completed"] = record.Completed,
    };
}
