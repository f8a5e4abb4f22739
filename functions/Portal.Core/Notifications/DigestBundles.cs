using Portal.Core.Common;

namespace Portal.Core.Notifications;

/// <summary>
/// Which notices go out together as one daily digest: those of one recipient that wait for the digest and are due.
/// The oldest leads (a deterministic choice, so concurrent dispatchers of the group agree); the others are carried by
/// its message. At most <see cref="MaxSize"/> in one message (a chart transaction claims them all).
/// </summary>
public static class DigestBundles
{
    /// <summary>The most notices one digest message carries.</summary>
    public const int MaxSize = 40;

    /// <summary>The due digest notices of <paramref name="notice"/>'s recipient among <paramref name="recent"/>, oldest first (the leader first).</summary>
    public static IReadOnlyList<Versioned<Notice>> Due(IReadOnlyList<Versioned<Notice>> recent, Notice notice, DateTimeOffset now) =>
    [
        .. recent
            .Where(r => r.Value is { State: NoticeState.Pending, Digest: true, BundledWith: null }
                && (r.Value.NotBefore ?? DateTimeOffset.MinValue) <= now
                && r.Value.Caregiver == notice.Caregiver)
            .OrderByDescending(r => r.Value.NoticeId, StringComparer.Ordinal) // ids sort newest first
            .Take(MaxSize),
    ];
}
