using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Access;

namespace Portal.Azure.Access;

/// <summary>
/// Subject → patient links in <c>Lookups</c>: PartitionKey <c>subject|{subject}</c>, RowKey = patient id. A caregiver's
/// grant is also a row of the patient's chart, <c>grant|{subject}</c> (same fields), written after the link ("index
/// first, then chart"; a retry of the save rewrites both), so the patient's caregivers are one range query away.
/// </summary>
internal sealed class TablePatientLinks(PortalTables tables) : IPatientLinks
{
    private const string GrantPrefix = "grant|";

    public async Task<PatientLink?> FindAsync(string subject, string patientId, CancellationToken cancellationToken)
    {
        var response = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition(subject), TableKeys.Encode(patientId), cancellationToken: cancellationToken);
        return response.HasValue ? ToLink(subject, response.Value!) : null;
    }

    public async Task<IReadOnlyList<PatientLink>> ListAsync(string subject, CancellationToken cancellationToken)
    {
        var links = new List<PatientLink>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(subject)}");
        await foreach (var entity in tables.Lookups.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            links.Add(ToLink(subject, entity));
        }

        return links;
    }

    public async Task SaveAsync(PatientLink link, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(link.Subject), TableKeys.Encode(link.PatientId))
        {
            ["PatientId"] = link.PatientId,
            ["Kind"] = link.Kind.ToString(),
            ["PatientName"] = link.PatientName,
            ["Scopes"] = string.Join(' ', link.Scopes),
            ["ExpiresAt"] = link.ExpiresAt,
            ["RevokedAt"] = link.RevokedAt,
            ["GrantId"] = link.GrantId,
            ["Relationship"] = link.Relationship,
        };
        await tables.Lookups.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        if (link.Kind == LinkKind.Proxy)
        {
            var grant = new TableEntity(entity) { PartitionKey = TableKeys.Encode(link.PatientId), RowKey = GrantPrefix + TableKeys.Encode(link.Subject), ["Subject"] = link.Subject };
            await tables.Charts.UpsertEntityAsync(grant, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<PatientLink>> CaregiversAsync(string patientId, CancellationToken cancellationToken)
    {
        var grants = new List<PatientLink>();
        var partition = TableKeys.Encode(patientId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {GrantPrefix} and RowKey lt {"grant}"}");
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            grants.Add(ToLink(entity.GetString("Subject"), entity));
        }

        return grants;
    }

    private static string Partition(string subject) => "subject|" + TableKeys.Encode(subject);

    private static PatientLink ToLink(string subject, TableEntity entity) => new(
        subject,
        entity.GetString("PatientId"),
        Enum.Parse<LinkKind>(entity.GetString("Kind")),
        entity.GetString("PatientName") ?? "",
        (entity.GetString("Scopes") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        entity.GetDateTimeOffset("ExpiresAt"),
        entity.GetDateTimeOffset("RevokedAt"),
        entity.GetString("GrantId"),
        entity.GetString("Relationship"));
}
