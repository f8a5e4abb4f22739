using System.Globalization;
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
        await tables.Lookups.UpsertEntityAsync(IndexEntity(link), TableUpdateMode.Replace, cancellationToken);
        if (link.Kind == LinkKind.Proxy)
        {
            await tables.Charts.UpsertEntityAsync(GrantEntity(link), TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>The link's row in the subject's index partition.</summary>
    internal static TableEntity IndexEntity(PatientLink link) => new(Partition(link.Subject), TableKeys.Encode(link.PatientId))
    {
        ["PatientId"] = link.PatientId,
        ["Kind"] = link.Kind.ToString(),
        ["PatientName"] = link.PatientName,
        ["Scopes"] = string.Join(' ', link.Scopes),
        ["ExpiresAt"] = link.ExpiresAt,
        ["RevokedAt"] = link.RevokedAt,
        ["GrantId"] = link.GrantId,
        ["Relationship"] = link.Relationship,
        ["PatientBirthDate"] = link.PatientBirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["EndsAtAdulthood"] = link.EndsAtAdulthood,
    };

    /// <summary>A caregiver's grant row in the patient's chart (the same fields, and the subject).</summary>
    internal static TableEntity GrantEntity(PatientLink link) =>
        new(IndexEntity(link)) { PartitionKey = TableKeys.Encode(link.PatientId), RowKey = GrantRow(link.Subject), ["Subject"] = link.Subject };

    /// <summary>The RowKey of a caregiver's grant in the chart.</summary>
    internal static string GrantRow(string subject) => GrantPrefix + TableKeys.Encode(subject);

    /// <summary>The range filter of a chart's grant rows.</summary>
    internal static string GrantsFilter(string patientId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {GrantPrefix} and RowKey lt {"grant}"}");

    public async Task<IReadOnlyList<PatientLink>> CaregiversAsync(string patientId, CancellationToken cancellationToken)
    {
        var grants = new List<PatientLink>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(GrantsFilter(patientId), cancellationToken: cancellationToken))
        {
            grants.Add(ToLink(entity.GetString("Subject"), entity));
        }

        return grants;
    }

    private static string Partition(string subject) => "subject|" + TableKeys.Encode(subject);

    /// <summary>The link a row (index or grant) holds.</summary>
    internal static PatientLink ToLink(string subject, TableEntity entity) => new(
        subject,
        entity.GetString("PatientId"),
        Enum.Parse<LinkKind>(entity.GetString("Kind")),
        entity.GetString("PatientName") ?? "",
        (entity.GetString("Scopes") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        entity.GetDateTimeOffset("ExpiresAt"),
        entity.GetDateTimeOffset("RevokedAt"),
        entity.GetString("GrantId"),
        entity.GetString("Relationship"),
        entity.GetString("PatientBirthDate") is { } born ? DateOnly.ParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        entity.GetBoolean("EndsAtAdulthood") ?? false);
}
