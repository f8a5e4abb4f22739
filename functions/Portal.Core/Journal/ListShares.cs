using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Journal;

/// <summary>Use case: what the patient's side has shared with the care team, newest first (patient, caregivers with <c>records.read</c>, staff).</summary>
public sealed class ListShares(IJournal journal, JournalAccess access)
{
    /// <summary>The shares; 403/404.</summary>
    public Task<Result<IReadOnlyList<JournalShare>>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken) =>
        access.RunAsync<IReadOnlyList<JournalShare>>(caller, patientId, write: false, $"patients/{patientId}/journal/shares",
            async _ => (await journal.SharesAsync(patientId, cancellationToken)).OrderByDescending(s => s.SharedAt).ToList(), cancellationToken);
}
