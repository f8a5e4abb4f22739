using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Caregivers;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Azure.Caregivers;

/// <summary>
/// Invitations in the patient's chart (<c>invitation|{id}</c>, the record as JSON) and the code index in <c>Lookups</c>
/// (partition <c>proxy-invitation</c>, RowKey = code hash), written first: an index row whose invitation never landed
/// finds nothing.
/// </summary>
internal sealed class TableProxyInvitations(PortalTables tables) : IProxyInvitations
{
    private const string IndexPartition = "proxy-invitation";
    private const string Prefix = "invitation|";

    public async Task CreateAsync(ProxyInvitation invitation, IReadOnlyList<Notice> notices, CancellationToken cancellationToken)
    {
        await tables.Lookups.UpsertEntityAsync(
            new TableEntity(IndexPartition, invitation.CodeHash) { ["PatientId"] = invitation.PatientId, ["InvitationId"] = invitation.InvitationId },
            TableUpdateMode.Replace, cancellationToken);
        await tables.Lookups.SubmitTransactionAsync(
            notices.Select(n => new TableTransactionAction(TableTransactionActionType.UpsertReplace, NoticeRows.Pending(n))), cancellationToken);
        await tables.Charts.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(invitation)),
                .. notices.Select(n => new TableTransactionAction(TableTransactionActionType.Add, NoticeRows.Chart(n))),
            ],
            cancellationToken);
    }

    public async Task<Versioned<ProxyInvitation>?> FindByCodeAsync(string codeHash, CancellationToken cancellationToken)
    {
        var index = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(IndexPartition, codeHash, cancellationToken: cancellationToken);
        return index.HasValue ? await FindAsync(index.Value!.GetString("PatientId"), index.Value.GetString("InvitationId"), cancellationToken) : null;
    }

    public async Task<Versioned<ProxyInvitation>?> FindAsync(string patientId, string invitationId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), Prefix + TableKeys.Encode(invitationId), ["Data"], cancellationToken);
        return response.HasValue ? Read(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Versioned<ProxyInvitation>>> ListAsync(string patientId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {Prefix} and RowKey lt {"invitation}"}");
        var invitations = new List<Versioned<ProxyInvitation>>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken))
        {
            invitations.Add(Read(entity));
        }

        return invitations;
    }

    public Task UpdateAsync(ProxyInvitation invitation, string eTag, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(
            () => tables.Charts.UpdateEntityAsync(ToEntity(invitation), new ETag(eTag), TableUpdateMode.Replace, cancellationToken), "The invitation");

    /// <summary>The chart row of an invitation.</summary>
    internal static TableEntity ToEntity(ProxyInvitation invitation) => new(TableKeys.Encode(invitation.PatientId), Prefix + TableKeys.Encode(invitation.InvitationId))
    {
        ["Data"] = JsonSerializer.Serialize(invitation, PortalJson.Options),
    };

    private static Versioned<ProxyInvitation> Read(TableEntity entity) =>
        new(JsonSerializer.Deserialize<ProxyInvitation>(entity.GetString("Data"), PortalJson.Options)!, entity.ETag.ToString());
}
