using Azure;
using Azure.Data.Tables;
using Portal.Core.Scheduling;

namespace Portal.Azure.Scheduling;

/// <summary>The claim index (<see cref="ClaimRows"/>): inserts that lose when a unit is held, deletes that free it.</summary>
internal sealed class TableSlotClaims(Tables.PortalTables tables) : ISlotClaims
{
    private const int Attempts = 3;

    public async Task<IReadOnlyList<ClaimedUnit>> ListAsync(string providerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var units = new List<ClaimedUnit>();
        var filter = ClaimRows.UnitRange(ClaimRows.Partition(providerId), SlotUnits.Floor(from), to);
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, select: ["RowKey", "AppointmentId", "PatientId"], cancellationToken: cancellationToken))
        {
            units.Add(ClaimRows.ReadUnit(row));
        }

        return units;
    }

    public async Task<bool> ClaimAsync(SlotClaim claim, DateTimeOffset checkAt, CancellationToken cancellationToken)
    {
        var wanted = claim.Units;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            List<TableTransactionAction> actions = [new(TableTransactionActionType.UpsertReplace, ClaimRows.Check(claim, checkAt))];
            actions.AddRange(wanted.Select(unit => new TableTransactionAction(TableTransactionActionType.Add, ClaimRows.Unit(claim, unit))));
            try
            {
                await tables.Schedule.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Someone holds a unit: if every holder is this appointment (a retry, a small move), claim only the rest.
                var held = await ListAsync(claim.ProviderId, claim.Start, claim.End, cancellationToken);
                if (held.Any(unit => unit.AppointmentId != claim.AppointmentId))
                {
                    return false;
                }

                var mine = held.Select(unit => unit.Start).ToHashSet();
                wanted = [.. claim.Units.Where(unit => !mine.Contains(unit))];
            }
        }

        return false;
    }

    public Task IntendAsync(SlotClaim claim, DateTimeOffset checkAt, CancellationToken cancellationToken) =>
        tables.Schedule.UpsertEntityAsync(ClaimRows.Check(claim, checkAt), TableUpdateMode.Replace, cancellationToken);

    public async Task SettleAsync(SlotClaim claim, bool release, SlotClaim? keep, CancellationToken cancellationToken)
    {
        if (!release && claim.HoldUntil is { } holdUntil)
        {
            // A held request keeps its check row, due when the hold ends: the approval queue and the expiry read it.
            await tables.Schedule.UpsertEntityAsync(ClaimRows.Check(claim, holdUntil), TableUpdateMode.Replace, cancellationToken);
            return;
        }

        var partition = ClaimRows.Partition(claim.ProviderId);
        var kept = keep?.Units.ToHashSet() ?? [];
        var withCheck = true;
        for (var attempt = 0; ; attempt++)
        {
            var actions = new List<TableTransactionAction>();
            if (withCheck)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, ClaimRows.CheckRow(claim)), ETag.All));
            }

            if (release)
            {
                var mine = (await ListAsync(claim.ProviderId, claim.Start, claim.End, cancellationToken))
                    .Where(unit => unit.AppointmentId == claim.AppointmentId && !kept.Contains(unit.Start));
                actions.AddRange(mine.Select(unit => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, ClaimRows.UnitRow(unit.Start)), ETag.All)));
            }

            if (actions.Count == 0)
            {
                return;
            }

            try
            {
                await tables.Schedule.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && attempt < Attempts)
            {
                // Gone already (the sweep or a retry settled it): leave it out and try the rest again.
                if (e.FailedTransactionActionIndex == 0 && withCheck)
                {
                    withCheck = false;
                }
            }
        }
    }

    public Task<IReadOnlyList<ClaimCheck>> DueAsync(string providerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChecksAsync(providerId, now, cancellationToken);

    public async Task<IReadOnlyList<ClaimCheck>> HoldsAsync(string providerId, CancellationToken cancellationToken) =>
        [.. (await ChecksAsync(providerId, null, cancellationToken)).Where(check => check.Claim.HoldUntil is not null).OrderBy(check => check.Claim.HoldUntil)];

    private async Task<IReadOnlyList<ClaimCheck>> ChecksAsync(string providerId, DateTimeOffset? dueBy, CancellationToken cancellationToken)
    {
        // Check rows are few: claims in flight and held requests, in one range of the provider's partition.
        var partition = ClaimRows.Partition(providerId);
        var filter = dueBy is { } now
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ClaimRows.CheckPrefix} and RowKey lt {"check}"} and Due le {now}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ClaimRows.CheckPrefix} and RowKey lt {"check}"}");
        var checks = new List<ClaimCheck>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            checks.Add(ClaimRows.ReadCheck(providerId, row));
        }

        return checks;
    }
}
