using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Messaging;

namespace Portal.Azure.Messaging;

/// <summary>Unsent uploads, sent attachments and the uploads' expiry index (<see cref="AttachmentRows"/>).</summary>
internal sealed class TableAttachments(PortalTables tables) : IAttachments
{
    public Task ExpireLaterAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
        tables.Lookups.UpsertEntityAsync(AttachmentRows.Expiry(reference), TableUpdateMode.Replace, cancellationToken);

    public Task SaveUploadAsync(Attachment upload, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(() => tables.Charts.AddEntityAsync(AttachmentRows.Upload(upload), cancellationToken), "The upload");

    public async Task<Versioned<Attachment>?> FindUploadAsync(string patientId, string attachmentId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Encode(patientId), AttachmentRows.UploadPrefix + TableKeys.Encode(attachmentId), ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<Attachment>(AttachmentRows.Read(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task<Attachment?> FindSentAsync(string patientId, string attachmentId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Encode(patientId), AttachmentRows.SentPrefix + TableKeys.Encode(attachmentId), ["Data"], cancellationToken);
        return response.HasValue ? AttachmentRows.Read(response.Value!) : null;
    }

    public async Task<int> CountUnsentAsync(string patientId, string subject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {AttachmentRows.UploadPrefix} and RowKey lt {"upload}"} and UploadedBy eq {subject} and ExpiresAt gt {now}");
        var count = 0;
        await foreach (var _ in tables.Charts.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async Task<IReadOnlyList<AttachmentReference>> ExpiredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<AttachmentReference>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AttachmentRows.ExpiryPartition} and RowKey lt {AttachmentRows.Ticks(now)}");
        await foreach (var row in tables.Lookups.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            due.Add(new AttachmentReference(row.GetString("PatientId"), row.GetString("AttachmentId"), row.GetDateTimeOffset("ExpiresAt")!.Value));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    public async Task DropUploadAsync(AttachmentReference reference, string eTag, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Charts.DeleteEntityAsync(
                TableKeys.Encode(reference.PatientId), AttachmentRows.UploadPrefix + TableKeys.Encode(reference.AttachmentId), new ETag(eTag), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw new ConcurrencyConflictException("The upload was sent or removed meanwhile.");
        }
    }

    public async Task ForgetExpiryAsync(AttachmentReference reference, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.DeleteEntityAsync(AttachmentRows.ExpiryPartition, AttachmentRows.ExpiryRow(reference), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            // Forgotten already.
        }
    }
}
