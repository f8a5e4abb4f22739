using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Scheduling.Waitlist;

namespace Portal.Azure.Scheduling;

/// <summary>
/// Waitlist entries in the patient's <c>Charts</c> partition (RowKey <c>wait|{entryId}</c>) and the line of each provider
/// and visit type in <c>Schedule</c>: partition <c>wait|{provider}|{visitType}</c>, RowKey <c>{created ticks}|{patient}|{entry}</c>
/// (oldest first).
/// </summary>
internal sealed class TableWaitlist(PortalTables tables) : IWaitlist
{
    private const string Prefix = "wait|";

    public async Task<Versioned<WaitlistEntry>?> FindAsync(string patientId, string entryId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), Prefix + TableKeys.Encode(entryId), ["Data"], cancellationToken);
        return response.HasValue ? Read(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Versioned<WaitlistEntry>>> ListAsync(string patientId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {Prefix} and RowKey lt {"wait}"}");
        var entries = new List<Versioned<WaitlistEntry>>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken))
        {
            entries.Add(Read(entity));
        }

        return entries;
    }

    public async Task<string> AddAsync(WaitlistEntry entry, CancellationToken cancellationToken)
    {
        // The line first: an index row without its chart row is removed when an offer meets it.
        var spot = entry.Spot;
        await tables.Schedule.UpsertEntityAsync(new TableEntity(Partition(spot.ProviderId, spot.VisitTypeId), Row(spot))
        {
            ["PatientId"] = spot.PatientId,
            ["EntryId"] = spot.EntryId,
            ["CreatedAt"] = spot.CreatedAt,
            ["From"] = spot.From,
            ["Until"] = spot.Until,
        }, TableUpdateMode.Replace, cancellationToken);
        var response = await TableErrors.ConditionallyAsync(() => tables.Charts.AddEntityAsync(ToEntity(entry), cancellationToken), "The waitlist entry");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    public async Task<string> ReplaceAsync(WaitlistEntry entry, string eTag, CancellationToken cancellationToken)
    {
        var response = await TableErrors.ConditionallyAsync(
            () => tables.Charts.UpdateEntityAsync(ToEntity(entry), new ETag(eTag), TableUpdateMode.Replace, cancellationToken), "The waitlist entry");
        if (entry.Status != WaitlistStatus.Waiting)
        {
            await RemoveAsync(entry.Spot, cancellationToken);
        }

        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    public async Task<IReadOnlyList<WaitlistSpot>> LineAsync(string providerId, string visitTypeId, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(providerId, visitTypeId)}");
        var spots = new List<WaitlistSpot>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            spots.Add(new WaitlistSpot(providerId, visitTypeId, row.GetString("PatientId"), row.GetString("EntryId"),
                row.GetDateTimeOffset("CreatedAt")!.Value, row.GetDateTimeOffset("From")!.Value, row.GetDateTimeOffset("Until")!.Value));
            if (spots.Count == max)
            {
                break;
            }
        }

        return spots;
    }

    public async Task RemoveAsync(WaitlistSpot spot, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Schedule.DeleteEntityAsync(Partition(spot.ProviderId, spot.VisitTypeId), Row(spot), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            // Removed before.
        }
    }

    private static string Partition(string providerId, string visitTypeId) => $"{Prefix}{TableKeys.Encode(providerId)}|{TableKeys.Encode(visitTypeId)}";

    private static string Row(WaitlistSpot spot) =>
        $"{spot.CreatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Encode(spot.PatientId)}|{TableKeys.Encode(spot.EntryId)}";

    private static TableEntity ToEntity(WaitlistEntry entry) => new(TableKeys.Encode(entry.PatientId), Prefix + TableKeys.Encode(entry.EntryId))
    {
        ["Data"] = JsonSerializer.Serialize(entry, PortalJson.Options),
    };

    private static Versioned<WaitlistEntry> Read(TableEntity entity) =>
        new(JsonSerializer.Deserialize<WaitlistEntry>(entity.GetString("Data"), PortalJson.Options)!, entity.ETag.ToString());
}
