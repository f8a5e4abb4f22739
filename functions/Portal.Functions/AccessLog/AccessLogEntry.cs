using Portal.Core.Audit;

namespace Portal.Functions.AccessLog;

/// <summary>One access to the chart as the patient sees it (no client address, no trace id).</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="ActingAs">In what capacity: <c>self</c>, <c>proxy</c>, or the staff role(s).</param>
/// <param name="OnBehalfOf">The patient a caregiver acted for, if any.</param>
/// <param name="Action">What was done, e.g. <c>profile.read</c>.</param>
/// <param name="Resource">Which resource.</param>
/// <param name="Outcome">Success, denied or failed.</param>
internal sealed record AccessLogEntry(
    DateTimeOffset At, AccessLogActor Actor, string ActingAs, string? OnBehalfOf, string Action, string Resource, AuditOutcome Outcome)
{
    public static AccessLogEntry From(AuditEvent e) =>
        new(e.At, new AccessLogActor(e.ActorSubject, e.ActorName), e.ActingAs, e.OnBehalfOf, e.Action, e.Resource, e.Outcome);
}
