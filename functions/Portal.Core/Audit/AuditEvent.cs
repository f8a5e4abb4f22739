namespace Portal.Core.Audit;

/// <summary>One access to a patient's data, as kept in the append-only audit log.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="ActorSubject">Who did it (sign-in subject).</param>
/// <param name="ActorName">The actor's display name at the time.</param>
/// <param name="ActingAs">In what capacity: <c>self</c>, <c>proxy</c>, or the staff role(s).</param>
/// <param name="OnBehalfOf">The patient a caregiver acts for; null when acting for oneself or as staff.</param>
/// <param name="PatientId">Whose chart.</param>
/// <param name="Action">What was done, e.g. <c>profile.read</c>.</param>
/// <param name="Resource">Which resource, e.g. <c>patients/{id}/profile</c>.</param>
/// <param name="Outcome">Success, denied or failed.</param>
/// <param name="ClientIp">The client address.</param>
/// <param name="TraceId">The request's trace id, to correlate with logs.</param>
/// <param name="Mfa">Whether the sign-in behind the access used multi-factor authentication (the token's <c>amr</c>); null for events without a sign-in and for older events.</param>
public sealed record AuditEvent(
    DateTimeOffset At,
    string ActorSubject,
    string? ActorName,
    string ActingAs,
    string? OnBehalfOf,
    string PatientId,
    string Action,
    string Resource,
    AuditOutcome Outcome,
    string? ClientIp,
    string? TraceId,
    bool? Mfa = null);
