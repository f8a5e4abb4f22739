using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>Use case: staff of the pool assign an open thread to a colleague (by sign-in subject).</summary>
public sealed class AssignThread(ThreadWrites writes, TimeProvider clock)
{
    /// <summary>The assigned thread; 400 without an assignee, 403 for the patient's side or another pool's staff, 404.</summary>
    public Task<Result<ThreadView>> ExecuteAsync(Caller caller, string patientId, string threadId, string? assignee, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireText(assignee, "assignee", 200);
        if (errors.ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<ThreadView>>(invalid);
        }

        return writes.ApplyAsync(caller, patientId, threadId, "assign", staffOnly: true, (_, thread) =>
            (thread with { AssignedTo = assignee!.Trim() }, null), clock.GetUtcNow(), cancellationToken);
    }
}
