using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Caregivers;

/// <summary>Port: caregiver invitations, in the patient's chart (<c>invitation|{id}</c>) with an index by code hash in <c>Lookups</c>.</summary>
public interface IProxyInvitations
{
    /// <summary>Writes the code index, then the invitation and its notices in one chart transaction.</summary>
    Task CreateAsync(ProxyInvitation invitation, IReadOnlyList<Notice> notices, CancellationToken cancellationToken);

    /// <summary>The invitation a code hash belongs to, or null. Two point reads (the index, the chart).</summary>
    Task<Versioned<ProxyInvitation>?> FindByCodeAsync(string codeHash, CancellationToken cancellationToken);

    /// <summary>One invitation of the patient, or null. One point read.</summary>
    Task<Versioned<ProxyInvitation>?> FindAsync(string patientId, string invitationId, CancellationToken cancellationToken);

    /// <summary>The patient's invitations, newest first. One range query of the chart.</summary>
    Task<IReadOnlyList<Versioned<ProxyInvitation>>> ListAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>Replaces the invitation if the ETag matches (a wrong answer, a withdrawal); throws <see cref="ConcurrencyConflictException"/> otherwise.</summary>
    Task UpdateAsync(ProxyInvitation invitation, string eTag, CancellationToken cancellationToken);
}
