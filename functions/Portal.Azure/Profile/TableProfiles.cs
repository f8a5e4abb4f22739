using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Notifications;
using Portal.Core.Common;
using Portal.Core.Profile;

namespace Portal.Azure.Profile;

/// <summary>The profile entity of a chart: <c>Charts</c>, PartitionKey = patient id, RowKey <c>profile</c>, the document as JSON.</summary>
internal sealed class TableProfiles(PortalTables tables) : IProfiles
{
    internal const string RowKey = "profile";

    public async Task<Versioned<PatientProfile>?> FindAsync(string patientId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), RowKey, ["Data"], cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var profile = JsonSerializer.Deserialize<PatientProfile>(response.Value!.GetString("Data"), PortalJson.Options)!;
        return new Versioned<PatientProfile>(profile, response.Value.ETag.ToString());
    }

    public async Task<string> ReplaceAsync(PatientProfile profile, string eTag, Notice? notice, CancellationToken cancellationToken)
    {
        if (notice is null)
        {
            var response = await TableErrors.ConditionallyAsync(
                () => tables.Charts.UpdateEntityAsync(ToEntity(profile), new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
                "The profile");
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
        }

        // The change and the notice it causes land together, or neither does (the pending index goes first).
        await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(notice), TableUpdateMode.Replace, cancellationToken);
        var batch = await TableErrors.ConditionallyAsync(
            () => tables.Charts.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(profile), new ETag(eTag)),
                    new TableTransactionAction(TableTransactionActionType.Add, NoticeRows.Chart(notice)),
                ],
                cancellationToken),
            "The profile");
        return batch.Value[0].Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    internal static TableEntity ToEntity(PatientProfile profile) => new(TableKeys.Encode(profile.PatientId), RowKey)
    {
        ["Data"] = JsonSerializer.Serialize(profile, PortalJson.Options),
    };
}
