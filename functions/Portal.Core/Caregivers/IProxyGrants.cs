using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Caregivers;

/// <summary>
/// Port: caregivers' grants as the patient manages them. Each grant is the caregiver's link in <c>Lookups</c> (what the
/// policy reads on every request) and a <c>grant|{subject}</c> row in the patient's chart (what the patient lists,
/// with its ETag). A change and its notices are one chart transaction. The index never allows more than the chart:
/// a change that takes access away writes the index first, one that gives access writes it last; a retry rewrites it.
/// </summary>
public interface IProxyGrants
{
    /// <summary>The patient's grants (ended ones included), each with its ETag. One range query of the chart.</summary>
    Task<IReadOnlyList<Versioned<ProxyGrant>>> ListAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The caregiver's grant to the patient, or null. One point read of the chart.</summary>
    Task<Versioned<ProxyGrant>?> FindAsync(string patientId, string subject, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the grant and its notices (and the invitation it redeems, if any) in one chart transaction guarded by the
    /// ETags; returns the grant's new ETag. Throws <see cref="ConcurrencyConflictException"/> when an ETag is stale.
    /// </summary>
    Task<string> WriteAsync(GrantWrite write, CancellationToken cancellationToken);
}

/// <summary>One change to a grant.</summary>
/// <param name="Grant">The grant as it is to be.</param>
/// <param name="ETag">The grant row's ETag as read; null to create it (or replace an ended grant of the same caregiver).</param>
/// <param name="TakesAccessAway">True when the change narrows or ends access (the caregiver's index is written first).</param>
/// <param name="Notices">The notices the change causes (patient and caregiver).</param>
/// <param name="Invitation">The invitation this grant redeems, updated in the same transaction.</param>
public sealed record GrantWrite(
    ProxyGrant Grant, string? ETag, bool TakesAccessAway, IReadOnlyList<Notice> Notices, Versioned<ProxyInvitation>? Invitation = null);
