using Azure;
using Page = Portal.Core.Common.Page<Portal.Core.Journal.JournalEntry>;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Journal;

namespace Portal.Azure.Journal;

/// <summary>The health journal in the patient's <c>Charts</c> partition (<see cref="JournalRows"/>).</summary>
internal sealed class TableJournal(PortalTables tables) : IJournal
{
    public Task<Page> ListAsync(string patientId, JournalQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PagedQueries.ReadAsync(
            tables.Charts, JournalRows.Filter(patientId, query), pageSize, continuationToken,
            $"journal|{patientId}|{query.Kind}|{query.From?.UtcTicks}|{query.Until?.UtcTicks}|{query.SharedOnly}|{query.Measurement}", JournalRows.ReadEntry, cancellationToken);

    public async Task<IReadOnlyList<JournalEntry>> AllAsync(string patientId, JournalQuery query, CancellationToken cancellationToken)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(JournalRows.Filter(patientId, query), cancellationToken: cancellationToken))
        {
            entries.Add(JournalRows.ReadEntry(entity));
        }

        return entries;
    }

    public async Task<Versioned<JournalEntry>?> FindAsync(string patientId, string entryId, CancellationToken cancellationToken)
    {
        var pointer = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(JournalRows.Partition(patientId), JournalRows.PointerRow(entryId), ["Row"], cancellationToken);
        if (!pointer.HasValue)
        {
            return null;
        }

        var row = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(JournalRows.Partition(patientId), pointer.Value!.GetString("Row"), cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<JournalEntry>(JournalRows.ReadEntry(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<string> AddAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var batch = await CommitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, JournalRows.Entry(entry)),
                new TableTransactionAction(TableTransactionActionType.Add, JournalRows.Pointer(entry)),
            ],
            cancellationToken);
        return ETagOf(batch[0]);
    }

    public async Task<string> ReplaceAsync(JournalEntry before, string eTag, JournalEntry after, CancellationToken cancellationToken)
    {
        if (JournalRows.EntryRow(before) == JournalRows.EntryRow(after))
        {
            var batch = await CommitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, JournalRows.Entry(after), new ETag(eTag))], cancellationToken);
            return ETagOf(batch[0]);
        }

        // Its time changed: the row moves (the old one goes only if unchanged since read), the pointer follows.
        var moved = await CommitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, JournalRows.Entry(after)),
                new TableTransactionAction(TableTransactionActionType.Delete, JournalRows.Entry(before), new ETag(eTag)),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, JournalRows.Pointer(after)),
            ],
            cancellationToken);
        return ETagOf(moved[0]);
    }

    public Task DeleteAsync(JournalEntry entry, string eTag, CancellationToken cancellationToken) =>
        CommitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, JournalRows.Entry(entry), new ETag(eTag)),
                new TableTransactionAction(TableTransactionActionType.Delete, JournalRows.Pointer(entry), ETag.All),
            ],
            cancellationToken);

    public async Task ShareAsync(JournalShare share, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        // Only the share columns are merged: an edit made meanwhile stays; an entry deleted meanwhile fails the batch (a conflict).
        foreach (var chunk in entries.Chunk(100))
        {
            await CommitAsync([.. chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateMerge, JournalRows.Shared(e, share), ETag.All))], cancellationToken);
        }

        await tables.Charts.UpsertEntityAsync(JournalRows.Json(share.PatientId, JournalRows.ShareRow(share.ShareId), share), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<JournalShare?> FindShareAsync(string patientId, string shareId, CancellationToken cancellationToken)
    {
        var row = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(JournalRows.Partition(patientId), JournalRows.ShareRow(shareId), ["Data"], cancellationToken);
        return row.HasValue ? JournalRows.Read<JournalShare>(row.Value!) : null;
    }

    public async Task<IReadOnlyList<JournalShare>> SharesAsync(string patientId, CancellationToken cancellationToken)
    {
        var shares = new List<JournalShare>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(JournalRows.Range(patientId, JournalRows.SharePrefix), select: ["Data"], cancellationToken: cancellationToken))
        {
            shares.Add(JournalRows.Read<JournalShare>(entity));
        }

        return [.. shares.OrderBy(s => s.SharedAt)];
    }

    public async Task<IReadOnlyList<Versioned<VisitQuestion>>> QuestionsAsync(string patientId, CancellationToken cancellationToken)
    {
        var questions = new List<Versioned<VisitQuestion>>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(JournalRows.Range(patientId, JournalRows.QuestionPrefix), select: ["Data"], cancellationToken: cancellationToken))
        {
            questions.Add(new(JournalRows.Read<VisitQuestion>(entity), entity.ETag.ToString()));
        }

        return questions;
    }

    public async Task<Versioned<VisitQuestion>?> FindQuestionAsync(string patientId, string questionId, CancellationToken cancellationToken)
    {
        var row = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(JournalRows.Partition(patientId), JournalRows.QuestionRow(questionId), ["Data"], cancellationToken);
        return row.HasValue ? new(JournalRows.Read<VisitQuestion>(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<string> SaveQuestionAsync(VisitQuestion question, string? eTag, CancellationToken cancellationToken)
    {
        var entity = JournalRows.Json(question.PatientId, JournalRows.QuestionRow(question.QuestionId), question);
        var response = await TableErrors.ConditionallyAsync(
            () => eTag is null
                ? tables.Charts.AddEntityAsync(entity, cancellationToken)
                : tables.Charts.UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The question");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    public Task DeleteQuestionAsync(VisitQuestion question, string eTag, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(
            () => tables.Charts.DeleteEntityAsync(JournalRows.Partition(question.PatientId), JournalRows.QuestionRow(question.QuestionId), new ETag(eTag), cancellationToken),
            "The question");

    private async Task<IReadOnlyList<Response>> CommitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            return (await tables.Charts.SubmitTransactionAsync(actions, cancellationToken)).Value;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw new ConcurrencyConflictException("The journal entry was changed, created or deleted concurrently.");
        }
    }

    private static string ETagOf(Response response) => response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
}
