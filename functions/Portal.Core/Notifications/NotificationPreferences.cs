namespace Portal.Core.Notifications;

/// <summary>
/// A patient's notification choices: a channel per notice kind, quiet hours in the patient's own time zone, and
/// whether low-urgency notices wait for one daily digest. Stored as one row per chart; a chart without the row uses
/// <see cref="Defaults"/>.
/// </summary>
/// <param name="Channels">A channel per kind. On a change, kinds left out take their default; an answer lists every kind.</param>
/// <param name="QuietHoursStart">Local time (the patient's zone) from which notices wait; default 21:00.</param>
/// <param name="QuietHoursEnd">Local time at which waiting notices go; default 08:00. A window may span midnight; it may not be empty (start = end).</param>
/// <param name="DailyDigest">When true, low-urgency kinds (new document, statement ready, amendment status) wait for the daily digest at 18:00 local.</param>
public sealed record NotificationPreferences(
    IReadOnlyList<KindChannel> Channels,
    TimeOnly QuietHoursStart,
    TimeOnly QuietHoursEnd,
    bool DailyDigest)
{
    /// <summary>
    /// The version of a chart's preferences that were never saved (the defaults). A read answers it as the ETag; a
    /// change sent with it creates the row, and is stale (412) once someone else has saved.
    /// </summary>
    public const string DefaultsETag = "W/\"defaults\"";

    /// <summary>The local time of the daily digest; outside the default quiet hours.</summary>
    public static readonly TimeOnly DigestTime = new(18, 0);

    /// <summary>What a chart uses until the patient (or the clinic) saves a choice.</summary>
    public static NotificationPreferences Defaults { get; } = new(
        [.. Enum.GetValues<NoticeKind>().Select(kind => new KindChannel(kind, DefaultChannel(kind)))],
        new TimeOnly(21, 0),
        new TimeOnly(8, 0),
        DailyDigest: false);

    /// <summary>
    /// The default channel of a kind: SMS for what is urgent or acted upon soon (security, appointments, messages,
    /// results, refills), e-mail for what can be read later (documents, new record information, statements, amendments, reviews of
    /// what the patient reported) and for caregiver invitations. Refill-due reminders are off until the patient opts in.
    /// </summary>
    public static NoticeChannel DefaultChannel(NoticeKind kind) => kind switch
    {
        NoticeKind.RefillDue => NoticeChannel.None,
        NoticeKind.ReportedItemReviewed => NoticeChannel.Email,
        NoticeKind.NewDocument or NoticeKind.NewRecordInformation or NoticeKind.StatementReady or NoticeKind.AmendmentExtended or NoticeKind.AmendmentAccepted or NoticeKind.AmendmentDenied or NoticeKind.ProxyInvitation => NoticeChannel.Email,
        _ => NoticeChannel.Sms,
    };

    /// <summary>True for the kinds that may wait for the daily digest.</summary>
    public static bool IsLowUrgency(NoticeKind kind) =>
        kind is NoticeKind.NewDocument or NoticeKind.NewRecordInformation or NoticeKind.StatementReady or NoticeKind.AmendmentExtended or NoticeKind.AmendmentAccepted or NoticeKind.AmendmentDenied
            or NoticeKind.ReportedItemReviewed;

    /// <summary>The channel chosen for <paramref name="kind"/>, or its default when the list leaves it out.</summary>
    public NoticeChannel ChannelFor(NoticeKind kind) =>
        Channels.FirstOrDefault(c => c.Kind == kind)?.Channel ?? DefaultChannel(kind);

    /// <summary>The same choices with every kind listed once, in the order of <see cref="NoticeKind"/>.</summary>
    public NotificationPreferences Complete() =>
        this with { Channels = [.. Enum.GetValues<NoticeKind>().Select(kind => new KindChannel(kind, ChannelFor(kind)))] };

    /// <summary>True when <paramref name="local"/> (wall-clock time in the patient's zone) falls in the quiet hours.</summary>
    public bool IsQuiet(TimeOnly local) =>
        QuietHoursStart < QuietHoursEnd
            ? local >= QuietHoursStart && local < QuietHoursEnd
            : local >= QuietHoursStart || local < QuietHoursEnd;
}

/// <summary>The channel for one kind of notice.</summary>
/// <param name="Kind">The kind of notice.</param>
/// <param name="Channel">How it reaches the patient.</param>
public sealed record KindChannel(NoticeKind Kind, NoticeChannel Channel);
