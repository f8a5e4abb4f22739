using Azure;
using Page = Portal.Core.Common.Page<Portal.Core.Billing.LedgerEntry>;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Profile;
using Portal.Azure.Tables;
using Portal.Core.Billing;
using Portal.Core.Common;

namespace Portal.Azure.Billing;

/// <summary>The ledger in the patient's chart partition (<see cref="BillingRows"/>): every post is one entity-group transaction.</summary>
internal sealed class TableLedger(PortalTables tables) : ILedger
{
    public async Task<(BillingAccount Account, string? ETag)?> FindAccountAsync(string patientId, string currency, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(patientId);
        var stored = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(partition, BillingRows.AccountRow, ["Data"], cancellationToken);
        if (stored.HasValue)
        {
            return (BillingRows.Read<BillingAccount>(stored.Value!), stored.Value!.ETag.ToString());
        }

        // Only the keys: the profile tells a chart with no bill yet from no patient at all.
        var chart = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(partition, TableProfiles.RowKey, ["RowKey"], cancellationToken);
        return chart.HasValue ? (BillingAccount.Empty(patientId, currency), null) : null;
    }

    public async Task PostAsync(LedgerPosting posting, string? accountETag, CancellationToken cancellationToken)
    {
        var patientId = posting.Entry.PatientId;

        // Index first, then the chart: an index row whose chart write failed is harmless (the reader checks the chart).
        if (posting.Due is { } due)
        {
            await tables.Lookups.UpsertEntityAsync(
                new TableEntity(BillingRows.OpenPartition, TableKeys.Encode(patientId)) { ["PatientId"] = patientId, ["Due"] = due.ToUniversalTime() },
                TableUpdateMode.Replace, cancellationToken);
        }

        if (posting.Payment is { ETag: null } newPayment)
        {
            await tables.Lookups.UpsertEntityAsync(
                new TableEntity(BillingRows.PaymentPartition, TableKeys.Encode(newPayment.Payment.PaymentReference)) { ["PatientId"] = patientId },
                TableUpdateMode.Replace, cancellationToken);
        }

        if (posting.Notice is { } notice)
        {
            await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(notice), TableUpdateMode.Replace, cancellationToken);
        }

        var account = BillingRows.Document(patientId, BillingRows.AccountRow, posting.Account);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, BillingRows.Document(patientId, BillingRows.Ledger(posting.Entry.Sequence), posting.Entry)),
            new(TableTransactionActionType.Add, new TableEntity(account.PartitionKey, BillingRows.Origin(posting.Entry.Origin)) { ["Sequence"] = posting.Entry.Sequence }),
            accountETag is null
                ? new(TableTransactionActionType.Add, account)
                : new(TableTransactionActionType.UpdateReplace, account, new ETag(accountETag)),
        ];
        if (posting.Payment is { } payment)
        {
            var row = BillingRows.Document(patientId, BillingRows.Payment(payment.Payment.PaymentReference), payment.Payment);
            actions.Add(payment.ETag is null ? new(TableTransactionActionType.Add, row) : new(TableTransactionActionType.UpdateReplace, row, new ETag(payment.ETag)));
        }

        if (posting.Notice is { } chartNotice)
        {
            actions.Add(new(TableTransactionActionType.Add, NoticeRows.Chart(chartNotice)));
        }

        await TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), "The ledger");
    }

    public Task SaveAccountAsync(BillingAccount account, string eTag, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(
            () => tables.Charts.UpdateEntityAsync(BillingRows.Document(account.PatientId, BillingRows.AccountRow, account), new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The account");

    public async Task<LedgerEntry?> FindByOriginAsync(string patientId, string origin, CancellationToken cancellationToken)
    {
        var guard = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), BillingRows.Origin(origin), ["Sequence"], cancellationToken);
        return guard.HasValue && guard.Value!.GetInt64("Sequence") is { } sequence ? await FindAsync(patientId, sequence, cancellationToken) : null;
    }

    public async Task<LedgerEntry?> FindAsync(string patientId, long sequence, CancellationToken cancellationToken)
    {
        var entry = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), BillingRows.Ledger(sequence), ["Data"], cancellationToken);
        return entry.HasValue ? BillingRows.Read<LedgerEntry>(entry.Value!) : null;
    }

    public async Task<IReadOnlyList<LedgerEntry>> RangeAsync(string patientId, long fromSequence, long toSequence, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {BillingRows.Ledger(toSequence)} and RowKey le {BillingRows.Ledger(fromSequence)}");
        var entries = new List<LedgerEntry>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken))
        {
            entries.Add(BillingRows.Read<LedgerEntry>(entity));
        }

        entries.Reverse();
        return entries;
    }

    public Task<Page> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PagedQueries.ReadAsync(
            tables.Charts, BillingRows.Range(patientId, BillingRows.LedgerPrefix), pageSize, continuationToken, $"ledger|{patientId}",
            BillingRows.Read<LedgerEntry>, cancellationToken);

    public async Task<(CardPayment Payment, string ETag)?> FindPaymentAsync(string patientId, string paymentReference, CancellationToken cancellationToken)
    {
        var row = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), BillingRows.Payment(paymentReference), ["Data"], cancellationToken);
        return row.HasValue ? (BillingRows.Read<CardPayment>(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<string?> PatientOfPaymentAsync(string paymentReference, CancellationToken cancellationToken)
    {
        var row = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(BillingRows.PaymentPartition, TableKeys.Encode(paymentReference), ["PatientId"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("PatientId") : null;
    }
}
