namespace Portal.Core.Billing;

/// <summary>Port: issued statements in the patient's chart, and their PDFs.</summary>
public interface IStatements
{
    /// <summary>One statement, or null. One point read.</summary>
    Task<Statement?> FindAsync(string patientId, string statementId, CancellationToken cancellationToken);

    /// <summary>Every statement of the patient, newest first (twelve a year). One range query.</summary>
    Task<IReadOnlyList<Statement>> ListAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The statement's PDF, or null when it is missing.</summary>
    Task<byte[]?> ReadPdfAsync(Statement statement, CancellationToken cancellationToken);
}
