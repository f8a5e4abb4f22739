using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Page = Portal.Core.Common.Page<Portal.Core.Labs.Results.LabResult>;
using Portal.Core.Labs.Results;

namespace Portal.Azure.Labs;

/// <summary>Lab results in the charts (<see cref="LabRows"/>), written index first, then one chart transaction or ordered batches.</summary>
internal sealed class TableLabResults(PortalTables tables) : ILabResults
{
    /// <summary>Azure's limit on one entity-group transaction (Azurite does not enforce it; we do).</summary>
    public const int MaxTransactionActions = 100;

    public async Task<LabChartSnapshot> ReadForWriteAsync(string patientId, IReadOnlyCollection<string> resultIds, CancellationToken cancellationToken)
    {
        // One query: the hold choices and the named results, by RowKey.
        var rows = resultIds.Select(LabRows.ResultRow).Prepend(LabRows.Preferences).ToList();
        var filter = $"PartitionKey eq '{TableKeys.Encode(patientId).Replace("'", "''", StringComparison.Ordinal)}' and ("
            + string.Join(" or ", rows.Select(r => $"RowKey eq '{r.Replace("'", "''", StringComparison.Ordinal)}'")) + ")";
        var preferences = ResultHoldPreferences.None;
        var existing = new Dictionary<string, Versioned<LabResult>>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, select: ["RowKey", "Data"], cancellationToken: cancellationToken))
        {
            if (entity.RowKey == LabRows.Preferences)
            {
                preferences = LabRows.Read<ResultHoldPreferences>(entity);
            }
            else
            {
                var result = LabRows.Read<LabResult>(entity);
                existing[result.ResultId] = new Versioned<LabResult>(result, entity.ETag.ToString());
            }
        }

        return new LabChartSnapshot(preferences, existing);
    }

    public async Task WriteAsync(LabChartWrite write, CancellationToken cancellationToken)
    {
        // Index first: the notice's pending row, the holds' due rows; a failure after leaves rows the sweep and the release timer drop.
        if (write.Notice is { } notice)
        {
            await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(notice), TableUpdateMode.Replace, cancellationToken);
        }

        foreach (var chunk in write.DueReleases.Chunk(MaxTransactionActions))
        {
            await tables.Lookups.SubmitTransactionAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, LabRows.Due(d))), cancellationToken);
        }

        var observations = write.Changes
            .Where(c => c.Observations is not null)
            .SelectMany(c => c.Observations!.Select(o => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace, LabRows.Observation(write.PatientId, c.Result.ResultId, c.Result.Version, o))))
            .ToList();
        var markers = write.Changes.SelectMany(Markers).ToList();
        if (write.Notice is { } n)
        {
            markers.Add(new TableTransactionAction(TableTransactionActionType.Add, NoticeRows.Chart(n)));
        }

        if (observations.Count + markers.Count <= MaxTransactionActions)
        {
            await SubmitAsync([.. observations, .. markers], cancellationToken);
            return;
        }

        // Too large for one transaction: observations first, in order (upserts: a retry rewrites them), then the results,
        // which readers go by, with the notice in the last batch. Until then the new version is invisible.
        foreach (var batch in observations.Chunk(MaxTransactionActions))
        {
            await SubmitAsync(batch, cancellationToken);
        }

        foreach (var batch in markers.Chunk(MaxTransactionActions))
        {
            await SubmitAsync(batch, cancellationToken);
        }
    }

    public Task<Page> ListAsync(string patientId, bool releasedOnly, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = LabRows.Range(patientId, LabRows.ListPrefix) + (releasedOnly ? " and Released eq true" : "");
        return PagedQueries.ReadAsync(tables.Charts, filter, pageSize, continuationToken, $"labs|{patientId}|{releasedOnly}", LabRows.Read<LabResult>, cancellationToken);
    }

    public async Task<Versioned<LabResult>?> FindAsync(string patientId, string resultId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), LabRows.ResultRow(resultId), ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<LabResult>(LabRows.Read<LabResult>(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<ResultObservation>> ObservationsAsync(string patientId, string resultId, int version, CancellationToken cancellationToken)
    {
        var observations = new List<ResultObservation>();
        var filter = LabRows.Range(patientId, LabRows.VersionPrefix(resultId, version));
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken))
        {
            observations.Add(LabRows.Read<ResultObservation>(entity));
        }

        return observations;
    }

    public async Task<IReadOnlyList<(string ResultId, int Version, ResultObservation Observation)>> ObservationsWithCodeAsync(
        string patientId, string loinc, CancellationToken cancellationToken)
    {
        var found = new List<(string, int, ResultObservation)>();
        var filter = LabRows.Range(patientId, LabRows.ObservationPrefix) + " and " + TableClient.CreateQueryFilter($"Loinc eq {loinc}");
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, select: ["Data", "ResultId", "Version"], cancellationToken: cancellationToken))
        {
            found.Add((entity.GetString("ResultId"), entity.GetInt32("Version") ?? 0, LabRows.Read<ResultObservation>(entity)));
        }

        return found;
    }

    public async Task<IReadOnlyList<LabResult>> AllAsync(string patientId, bool releasedOnly, CancellationToken cancellationToken)
    {
        var all = new List<LabResult>();
        var filter = LabRows.Range(patientId, LabRows.ListPrefix) + (releasedOnly ? " and Released eq true" : "");
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken))
        {
            all.Add(LabRows.Read<LabResult>(entity));
        }

        return all;
    }

    public async Task<Versioned<ResultHoldPreferences>?> FindPreferencesAsync(string patientId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), LabRows.Preferences, ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<ResultHoldPreferences>(LabRows.Read<ResultHoldPreferences>(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task<string> SavePreferencesAsync(string patientId, ResultHoldPreferences preferences, string? eTag, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Encode(patientId), LabRows.Preferences)
        {
            ["Data"] = System.Text.Json.JsonSerializer.Serialize(preferences, PortalJson.Options),
        };
        var response = await TableErrors.ConditionallyAsync(
            () => eTag is null
                ? tables.Charts.AddEntityAsync(entity, cancellationToken)
                : tables.Charts.UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The hold choices");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    public async Task<IReadOnlyList<DueRelease>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        // A key range: only what is due is read, never the held results of the future.
        var upTo = $"{now.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}}}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LabRows.DuePartition} and RowKey lt {upTo}");
        var due = new List<DueRelease>();
        await foreach (var row in tables.Lookups.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["PatientId", "ResultId", "Due"], cancellationToken: cancellationToken))
        {
            due.Add(new DueRelease(row.GetDateTimeOffset("Due") ?? now, row.GetString("PatientId"), row.GetString("ResultId")));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    public async Task RemoveDueAsync(DueRelease due, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.DeleteEntityAsync(LabRows.DuePartition, LabRows.DueRow(due), ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (TableErrors.IsNotFound(exception))
        {
        }
    }

    private static IEnumerable<TableTransactionAction> Markers(ResultChange change)
    {
        var result = change.Result;
        yield return change.ETag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, LabRows.Result(result))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, LabRows.Result(result), new ETag(change.ETag));
        yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, LabRows.ListEntry(result));
        if (change.PreviousSortTime is { } previous && LabRows.ListRow(previous, result.ResultId) != LabRows.ListRow(result.SortTime, result.ResultId))
        {
            yield return new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(TableKeys.Encode(result.PatientId), LabRows.ListRow(previous, result.ResultId)), ETag.All);
        }
    }

    private Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), "A lab result");
}
