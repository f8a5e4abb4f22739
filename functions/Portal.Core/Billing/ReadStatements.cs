using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>Use cases: a patient's statements, one statement with its lines, and its PDF; every read is audited.</summary>
public sealed class ReadStatements(IStatements statements, ILedger ledger, ChartAccess access)
{
    /// <summary>Every statement, newest first.</summary>
    public async Task<Result<Statement[]>> ListAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Billing), $"patients/{patientId}/billing/statements", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var all = await statements.ListAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return all.ToArray();
    }

    /// <summary>One statement and the entries it covers, oldest first; 404 when there is no such statement.</summary>
    public async Task<Result<(Statement Statement, IReadOnlyList<LedgerEntry> Lines)>> GetAsync(Caller caller, string patientId, string statementId, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(caller, patientId, statementId, "", cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure;
        }

        var (visit, statement) = opened.Value;
        var lines = statement.ToSequence >= statement.FromSequence
            ? await ledger.RangeAsync(patientId, statement.FromSequence, statement.ToSequence, cancellationToken)
            : [];
        await access.RecordAsync(visit, AuditOutcome.Success, cancellationToken);
        return (statement, lines);
    }

    /// <summary>The statement's PDF; 404 when there is no such statement.</summary>
    public async Task<Result<byte[]>> PdfAsync(Caller caller, string patientId, string statementId, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(caller, patientId, statementId, "/pdf", cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure;
        }

        var pdf = await statements.ReadPdfAsync(opened.Value.Statement, cancellationToken);
        await access.RecordAsync(opened.Value.Visit, pdf is null ? AuditOutcome.Failed : AuditOutcome.Success, cancellationToken);
        return pdf is null ? Failure.NotFound("The statement's PDF") : pdf;
    }

    private async Task<Result<(ChartVisit Visit, Statement Statement)>> OpenAsync(Caller caller, string patientId, string statementId, string suffix, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Billing), $"patients/{patientId}/billing/statements/{statementId}{suffix}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var statement = await statements.FindAsync(patientId, statementId, cancellationToken);
        if (statement is null)
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
            return Failure.NotFound("The statement");
        }

        return (visit.Value, statement);
    }
}
