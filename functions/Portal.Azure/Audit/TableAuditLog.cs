using System.Globalization;
using System.Text;
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
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - auditEvent.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(TableKeys.Encode(auditEvent.PatientId), $"{inverted}|{Guid.NewGuid():N}")
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
        };
        return tables.AuditLog.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<Page<AuditEvent>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(patientId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var pages = tables.AuditLog.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
            .AsPages(Decode(continuationToken, partition), pageSize);
        await foreach (var page in pages)
        {
            return new Page<AuditEvent>([.. page.Values.Select(ToEvent)], Encode(page.ContinuationToken, partition));
        }

        return new Page<AuditEvent>([], null);
    }

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
        entity.GetString("TraceId"));

    // The SDK's token is opaque; ours binds it to the patient, so a token from one log is refused by another.
    private static string? Encode(string? token, string partition) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{partition}\n{token}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string? token, string partition)
    {
        if (token is null)
        {
            return null;
        }

        var padded = token.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        var decoded = "";
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
        }

        return decoded.StartsWith(partition + "\n", StringComparison.Ordinal)
            ? decoded[(partition.Length + 1)..]
            : throw new InvalidContinuationTokenException();
    }
}
