using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>Notices in the charts and their pending index (<see cref="NoticeRows"/>); the SMS message index for delivery reports.</summary>
internal sealed class TableNotices(PortalTables tables) : INotices, IDeliveryReports
{
    private const string SmsMessagePartition = "sms-message";

    public async Task CreateAsync(Notice notice, CancellationToken cancellationToken)
    {
        await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(notice), TableUpdateMode.Replace, cancellationToken);
        await tables.Charts.AddEntityAsync(NoticeRows.Chart(notice), cancellationToken);
    }

    public async Task<Versioned<Notice>?> FindAsync(NoticeReference reference, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Encode(reference.PatientId), NoticeRows.ChartPrefix + reference.NoticeId, ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<Notice>(NoticeRows.Read(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    /// <summary>Index first: a delivery report names only the provider's message id (a digest's leads its bundle).</summary>
    private async Task IndexSentTextAsync(Notice notice, CancellationToken cancellationToken)
    {
        if (notice is { State: NoticeState.Sent, Channel: "sms", ProviderMessageId: { } messageId, BundledWith: null })
        {
            await tables.Lookups.UpsertEntityAsync(
                new TableEntity(SmsMessagePartition, TableKeys.Encode(messageId)) { ["PatientId"] = notice.PatientId, ["NoticeId"] = notice.NoticeId },
                TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<string> ReplaceAsync(Notice notice, string eTag, CancellationToken cancellationToken)
    {
        await IndexSentTextAsync(notice, cancellationToken);
        var response = await TableErrors.ConditionallyAsync(
            () => tables.Charts.UpdateEntityAsync(NoticeRows.Chart(notice), new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The notice");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    public async Task<IReadOnlyList<string>> SaveAllAsync(IReadOnlyList<Versioned<Notice>> changed, IReadOnlyList<Notice> added, CancellationToken cancellationToken)
    {
        foreach (var notice in changed)
        {
            await IndexSentTextAsync(notice.Value, cancellationToken);
        }

        foreach (var notice in added)
        {
            await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(notice), TableUpdateMode.Replace, cancellationToken);
        }

        var response = await TableErrors.ConditionallyAsync(
            () => tables.Charts.SubmitTransactionAsync(
                [
                    .. changed.Select(n => new TableTransactionAction(TableTransactionActionType.UpdateReplace, NoticeRows.Chart(n.Value), new ETag(n.ETag))),
                    .. added.Select(n => new TableTransactionAction(TableTransactionActionType.Add, NoticeRows.Chart(n))),
                ],
                cancellationToken),
            "A notice");
        return [.. response.Value.Take(changed.Count).Select(r => r.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag."))];
    }

    public async Task<IReadOnlyList<Versioned<Notice>>> RecentAsync(string patientId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Ids start with the inverted creation ticks: everything created since is below the inverted ticks of "since".
        var upTo = (DateTimeOffset.MaxValue.UtcTicks - since.UtcTicks + 1).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {NoticeRows.ChartPrefix} and RowKey lt {NoticeRows.ChartPrefix + upTo}");
        var notices = new List<Versioned<Notice>>();
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken))
        {
            notices.Add(new Versioned<Notice>(NoticeRows.Read(row), row.ETag.ToString()));
        }

        return notices;
    }

    public async Task<IReadOnlyList<NoticeReference>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<NoticeReference>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {NoticeRows.PendingPartition} and Due le {now}");
        await foreach (var row in tables.Lookups.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["PatientId", "NoticeId"], cancellationToken: cancellationToken))
        {
            due.Add(new NoticeReference(row.GetString("PatientId"), row.GetString("NoticeId")));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    public Task DueAgainAsync(NoticeReference reference, DateTimeOffset due, CancellationToken cancellationToken) =>
        tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(reference, due), TableUpdateMode.Replace, cancellationToken);

    public async Task SettleAsync(NoticeReference reference, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.DeleteEntityAsync(NoticeRows.PendingPartition, NoticeRows.PendingRow(reference), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            // Settled already.
        }
    }

    public Task<Portal.Core.Common.Page<Notice>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(patientId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {NoticeRows.ChartPrefix} and RowKey lt {"notice}"}");
        return PagedQueries.ReadAsync(tables.Charts, filter, pageSize, continuationToken, $"notices\n{patientId}", NoticeRows.Read, cancellationToken);
    }

    public async Task RecordAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        var index = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(SmsMessagePartition, TableKeys.Encode(report.ProviderMessageId), cancellationToken: cancellationToken);
        if (!index.HasValue)
        {
            return; // not ours, or sent before this index existed
        }

        var reference = new NoticeReference(index.Value!.GetString("PatientId"), index.Value.GetString("NoticeId"));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await FindAsync(reference, cancellationToken) is not { } found || found.Value.State is NoticeState.Delivered or NoticeState.Failed)
            {
                return;
            }

            // A digest's one text carried every notice of its bundle: the report is theirs too.
            var bundle = new List<Versioned<Notice>> { found };
            foreach (var member in found.Value.Bundle ?? [])
            {
                if (await FindAsync(new NoticeReference(reference.PatientId, member), cancellationToken) is { } carried)
                {
                    bundle.Add(carried);
                }
            }

            var reported = bundle.Select(n => n with
            {
                Value = report.Delivered
                    ? n.Value with { State = NoticeState.Delivered, DeliveredAt = report.At }
                    : n.Value with { State = NoticeState.Failed, Reason = $"sms: not delivered ({report.Reason ?? "no details"})" },
            }).ToList();
            try
            {
                await SaveAllAsync(reported, [], cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // The dispatcher was still writing it: read again.
            }
        }
    }
}
