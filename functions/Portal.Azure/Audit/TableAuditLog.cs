using System.Globalization;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Audit;
using Portal.Core.Common;

namespace Portal.Azure.Audit;

/// <summary>
/// The append-only audit log: <c>AuditLog</c>, PartitionKey = patient id, RowKey = inverted ticks + a unique suffix,
/// so a range query reads newest first. Only inserts are ever issued.
/// </summary>
internal sealed class TableAuditLog(PortalTables tables) : IAuditLog
{
    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Encode(auditEvent.PatientId), $"{Inverted(auditEvent.At)}|{Guid.NewGuid():N}")
        {
            ["At"] = auditEvent.At,
            ["ActorSubject"] = auditEvent.ActorSubject,
            ["ActorName"] = auditEvent.ActorName,
            ["ActingAs"] = auditEvent.ActingAs,
            ["OnBehalfOf"] = auditEvent.OnBehalfOf,
            ["PatientId"] = auditEvent.PatientId,
            ["Action"] = auditEvent.Action,
            ["Resource"] = auditEvent.Resource,
            ["Outcome"] = auditEvent.Outcome.ToString(),
            ["ClientIp"] = auditEvent.ClientIp,
            ["TraceId"] = auditEvent.TraceId,
            ["Mfa"] = auditEvent.Mfa,
        };
        return tables.AuditLog.AddEntityAsync(entity, cancellationToken);
    }

    // The token is bound to the patient, so a token from one log is refused by another.
    public Task<Page<AuditEvent>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(patientId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        return PagedQueries.ReadAsync(tables.AuditLog, filter, pageSize, continuationToken, partition, ToEvent, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEvent>> PatientSideAsync(string patientId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // Newest first: the range runs from the inverted end to the inverted start; only the patient's side's rows travel.
        var partition = TableKeys.Encode(patientId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {Inverted(until)} and RowKey lt {Inverted(since) + "}"} and (ActingAs eq 'self' or ActingAs eq 'proxy')");
        var events = new List<AuditEvent>();
        await foreach (var entity in tables.AuditLog.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            events.Add(ToEvent(entity));
        }

        return events;
    }

    private static string Inverted(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static AuditEvent ToEvent(TableEntity entity) => new(
        entity.GetDateTimeOffset("At") ?? default,
        entity.GetString("ActorSubject"),
        entity.GetString("ActorName"),
        entity.GetString("ActingAs") ?? "",
        entity.GetString("OnBehalfOf"),
        entity.GetString("PatientId"),
        entity.GetString("Action"),
        entity.GetString("Resource"),
        Enum.TryParse<AuditOutcome>(entity.GetString("Outcome"), out var outcome) ? outcome : AuditOutcome.Failed,
        entity.GetString("ClientIp"),
        entity.GetString("TraceId"),
        entity.GetBoolean("Mfa"));
}
