using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Profile;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>
/// The notification preferences of a chart: <c>Charts</c>, PartitionKey = patient id, RowKey <c>notifyprefs</c>, the
/// document as JSON. No row means the defaults; the chart's profile row tells an unsaved chart from no patient.
/// </summary>
internal sealed class TableNotificationPreferences(PortalTables tables) : INotificationPreferences
{
    internal const string RowKey = "notifyprefs";

    public async Task<Versioned<NotificationPreferences>?> FindAsync(string patientId, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(patientId);
        var saved = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(partition, RowKey, ["Data"], cancellationToken);
        if (saved.HasValue)
        {
            var preferences = JsonSerializer.Deserialize<NotificationPreferences>(saved.Value!.GetString("Data"), PortalJson.Options)!;
            return new Versioned<NotificationPreferences>(preferences, saved.Value.ETag.ToString());
        }

        // Only the keys: the profile's document is not needed to know that the chart exists.
        var chart = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(partition, TableProfiles.RowKey, ["RowKey"], cancellationToken);
        return chart.HasValue ? new Versioned<NotificationPreferences>(NotificationPreferences.Defaults, NotificationPreferences.DefaultsETag) : null;
    }

    public async Task<string> SaveAsync(string patientId, NotificationPreferences preferences, string eTag, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Encode(patientId), RowKey)
        {
            ["Data"] = JsonSerializer.Serialize(preferences, PortalJson.Options),
        };
        var response = await TableErrors.ConditionallyAsync(
            () => eTag == NotificationPreferences.DefaultsETag
                ? tables.Charts.AddEntityAsync(entity, cancellationToken)
                : tables.Charts.UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The notification preferences");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }
}
