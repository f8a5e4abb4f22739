using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>
/// The gate of every thread: <see cref="ChartAccess"/> for the patient's messages, then, for staff, the pool:
/// staff see and answer only the threads of pools their role answers.
/// </summary>
public sealed class ThreadAccess(IMessageThreads threads, MessagePools pools, ChartAccess access)
{
    /// <summary>Opens the patient's messages for reading or writing (audited on refusal).</summary>
    public Task<Result<ChartVisit>> OpenAsync(Caller caller, string patientId, Permission permission, string resource, CancellationToken cancellationToken) =>
        access.OpenAsync(caller, patientId, permission, resource, cancellationToken);

    /// <summary>The thread, 404 when it is not in the chart, 403 for staff of another pool (both audited).</summary>
    public async Task<Result<Versioned<MessageThread>>> FindAsync(ChartVisit visit, string threadId, CancellationToken cancellationToken)
    {
        var found = await threads.FindAsync(visit.PatientId, threadId, cancellationToken);
        if (found is null)
        {
            await access.RecordAsync(visit, AuditOutcome.Failed, cancellationToken);
            return Failure.NotFound("The thread");
        }

        if (!MaySee(visit, found.Value))
        {
            await access.RecordAsync(visit, AuditOutcome.Denied, cancellationToken);
            return Failure.NotFound("The thread");
        }

        if (!MaySee(visit, found.Value.Pool))
        {
            await access.RecordAsync(visit, AuditOutcome.Denied, cancellationToken);
            return new Failure(FailureKind.Forbidden, "Your role does not answer this pool's messages.");
        }

        return found;
    }

    /// <summary>
    /// True when the visitor may see the thread at all: a guardian of an adolescent sees only the conversations they
    /// started (the adolescent's own with the care team stay theirs; see <see cref="ProxyLimits.OwnThreadsOnly"/>).
    /// </summary>
    public static bool MaySee(ChartVisit visit, MessageThread thread) =>
        visit.Limits is not { OwnThreadsOnly: true } || thread.StartedBy == visit.Caller.Subject;

    /// <summary>True when the visitor may see threads of the pool: the patient's side always, staff with the pool's role.</summary>
    public bool MaySee(ChartVisit visit, string poolId) =>
        AuthorKind(visit) != MessageAuthorKind.CareTeam || (pools.Find(poolId) is { } pool && visit.Caller.IsInRole(pool.StaffRole));

    /// <summary>Closes the visit in the audit log.</summary>
    public Task RecordAsync(ChartVisit visit, bool succeeded, CancellationToken cancellationToken) =>
        access.RecordAsync(visit, succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);

    /// <summary>Who the visitor writes as: the patient, a caregiver for the patient, or the care team.</summary>
    public static MessageAuthorKind AuthorKind(ChartVisit visit) => visit.ActingAs switch
    {
        "self" => MessageAuthorKind.Patient,
        "proxy" => MessageAuthorKind.Caregiver,
        _ => MessageAuthorKind.CareTeam,
    };

    /// <summary>A message written by the visitor.</summary>
    public static ThreadMessage Message(ChartVisit visit, string threadId, string text, DateTimeOffset now, int sequence) =>
        new(threadId, MessagingRules.MessageId(now, sequence), AuthorKind(visit), visit.Caller.Subject,
            visit.Caller.DisplayName ?? visit.Caller.Subject, visit.OnBehalfOf, text.Trim(), now);
}
