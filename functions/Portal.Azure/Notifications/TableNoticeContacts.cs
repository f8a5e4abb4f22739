using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>A person's own contact details for notices: <c>Lookups</c>, PartitionKey <c>contact|{subject}</c>, RowKey <c>contact</c>, <c>Data</c>.</summary>
internal sealed class TableNoticeContacts(PortalTables tables) : INoticeContacts
{
    private const string Row = "contact";

    public async Task<Versioned<NoticeContact>?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        var response = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition(subject), Row, ["Data"], cancellationToken);
        return response.HasValue
            ? new Versioned<NoticeContact>(JsonSerializer.Deserialize<NoticeContact>(response.Value!.GetString("Data"), PortalJson.Options)!, response.Value.ETag.ToString())
            : null;
    }

    public async Task<string> SaveAsync(string subject, NoticeContact contact, string eTag, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(subject), Row) { ["Data"] = JsonSerializer.Serialize(contact, PortalJson.Options) };
        var response = await TableErrors.ConditionallyAsync(
            () => eTag == NoticeContact.NoneETag
                ? tables.Lookups.AddEntityAsync(entity, cancellationToken)
                : tables.Lookups.UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The contact details");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    private static string Partition(string subject) => "contact|" + TableKeys.Encode(subject);
}
