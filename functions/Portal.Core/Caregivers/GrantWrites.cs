using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Caregivers;

/// <summary>Every grant change the same way: the write (grant, notices, index in the safe order), then the wake-up of each notice.</summary>
public sealed class GrantWrites(IProxyGrants grants, INoticeQueue queue, ILogger<GrantWrites> logger)
{
    /// <summary>Writes the change; returns the grant's new ETag. Throws <see cref="ConcurrencyConflictException"/> when stale.</summary>
    public async Task<string> SaveAsync(GrantWrite write, CancellationToken cancellationToken)
    {
        var eTag = await grants.WriteAsync(write, cancellationToken);
        foreach (var notice in write.Notices)
        {
            await queue.TryEnqueueAsync(notice, logger, cancellationToken);
        }

        return eTag;
    }

    /// <summary>
    /// Ends the grant now (revoked by the patient or the clinic, ended by the caregiver, or at 18), telling both; an ended
    /// grant is written again without notices, so a retry puts the caregiver's index right. Returns the grant's ETag.
    /// </summary>
    public Task<string> EndAsync(Versioned<ProxyGrant> grant, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (grant.Value.Link.RevokedAt is not null)
        {
            return SaveAsync(new GrantWrite(grant.Value, grant.ETag, TakesAccessAway: true, []), cancellationToken);
        }

        var ended = grant.Value with { Link = grant.Value.Link with { RevokedAt = now }, EndReason = reason, ChangedAt = now };
        return SaveAsync(new GrantWrite(ended, grant.ETag, TakesAccessAway: true, GrantNotices.Ended(ended, now, atAdulthood: reason == EndReasons.Adulthood)), cancellationToken);
    }
}

/// <summary>Why a grant ended.</summary>
public static class EndReasons
{
    /// <summary>The patient (or the clinic) revoked it.</summary>
    public const string Revoked = "revoked";

    /// <summary>The caregiver ended their own access.</summary>
    public const string EndedByCaregiver = "ended-by-caregiver";

    /// <summary>The patient turned 18: a parent's or guardian's grant ends.</summary>
    public const string Adulthood = "adulthood";
}
