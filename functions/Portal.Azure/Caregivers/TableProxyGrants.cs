using Azure;
using Azure.Data.Tables;
using Portal.Azure.Access;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Caregivers;
using Portal.Core.Common;

namespace Portal.Azure.Caregivers;

/// <summary>
/// Grants as <see cref="TablePatientLinks"/> stores them (the caregiver's index row and the chart's <c>grant|{subject}</c>
/// row) plus what the patient sees (name, source, dates) on the chart row. Order of a write: the notices' pending rows,
/// the birthday index of a grant that ends at 18, the caregiver's index when access is taken away, the chart
/// transaction (grant, notices, redeemed invitation), the caregiver's index when access is given.
/// </summary>
internal sealed class TableProxyGrants(PortalTables tables) : IProxyGrants
{
    public async Task<IReadOnlyList<Versioned<ProxyGrant>>> ListAsync(string patientId, CancellationToken cancellationToken)
    {
        var grants = new List<Versioned<ProxyGrant>>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(TablePatientLinks.GrantsFilter(patientId), cancellationToken: cancellationToken))
        {
            grants.Add(Read(entity));
        }

        return grants;
    }

    public async Task<Versioned<ProxyGrant>?> FindAsync(string patientId, string subject, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), TablePatientLinks.GrantRow(subject), cancellationToken: cancellationToken);
        return response.HasValue ? Read(response.Value!) : null;
    }

    public async Task<string> WriteAsync(GrantWrite write, CancellationToken cancellationToken)
    {
        var link = write.Grant.Link;
        if (write.Notices.Count > 0)
        {
            await tables.Lookups.SubmitTransactionAsync(
                write.Notices.Select(n => new TableTransactionAction(TableTransactionActionType.UpsertReplace, NoticeRows.Pending(n))), cancellationToken);
        }

        if (link is { EndsAtAdulthood: true, RevokedAt: null, PatientBirthDate: { } born })
        {
            await tables.Lookups.UpsertEntityAsync(TableGuardianBirthdays.Entity(new GuardianBirthday(link.PatientId, link.Subject, born)), TableUpdateMode.Replace, cancellationToken);
        }

        if (write.TakesAccessAway)
        {
            await tables.Lookups.UpsertEntityAsync(TablePatientLinks.IndexEntity(link), TableUpdateMode.Replace, cancellationToken);
        }

        var grantRow = ToEntity(write.Grant);
        List<TableTransactionAction> actions =
        [
            write.ETag is null
                ? new(TableTransactionActionType.UpsertReplace, grantRow)
                : new(TableTransactionActionType.UpdateReplace, grantRow, new ETag(write.ETag)),
            .. write.Notices.Select(n => new TableTransactionAction(TableTransactionActionType.Add, NoticeRows.Chart(n))),
        ];
        if (write.Invitation is { } invitation)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, TableProxyInvitations.ToEntity(invitation.Value), new ETag(invitation.ETag)));
        }

        var batch = await TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), "The grant");
        if (!write.TakesAccessAway)
        {
            await tables.Lookups.UpsertEntityAsync(TablePatientLinks.IndexEntity(link), TableUpdateMode.Replace, cancellationToken);
        }

        return batch.Value[0].Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    private static TableEntity ToEntity(ProxyGrant grant)
    {
        var entity = TablePatientLinks.GrantEntity(grant.Link);
        entity["CaregiverName"] = grant.CaregiverName;
        entity["GrantedAt"] = grant.GrantedAt;
        entity["Source"] = grant.Source;
        entity["SourceId"] = grant.SourceId;
        entity["ChangedAt"] = grant.ChangedAt;
        entity["EndReason"] = grant.EndReason;
        return entity;
    }

    // Grants written before this feature (the demo seed, tests) have no name or source: they read as such.
    private static Versioned<ProxyGrant> Read(TableEntity entity) => new(
        new ProxyGrant(
            TablePatientLinks.ToLink(entity.GetString("Subject"), entity),
            entity.GetString("CaregiverName") ?? entity.GetString("Relationship") ?? "Caregiver",
            entity.GetDateTimeOffset("GrantedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
            entity.GetString("Source") ?? "clinic",
            entity.GetString("SourceId") ?? entity.GetString("GrantId") ?? "",
            entity.GetDateTimeOffset("ChangedAt"),
            entity.GetString("EndReason")),
        entity.ETag.ToString());

}
