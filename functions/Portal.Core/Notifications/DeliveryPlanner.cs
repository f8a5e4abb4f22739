using Portal.Core.Clinic;

namespace Portal.Core.Notifications;

/// <summary>
/// Decides, for one notice, the channel, the fallback and the time it may go, from the patient's preferences and
/// what the dispatcher knows. Pure: the same inputs give the same plan.
/// </summary>
/// <remarks>
/// Order of the rules: the channel (chosen or default; SMS needs a number, consent and no STOP, e-mail an address
/// and consent; the other allowed channel stands in, else nothing is sent, with the reason). Then the time: a
/// security notice goes at once, whatever the hour or the count. A low-urgency kind with the digest on waits for
/// the next digest (18:00 local); a patient who got <see cref="DailyLimit"/> notices in 24 hours waits for the next
/// digest too. Whatever time results, if it falls in the quiet hours it moves to their end. Nothing is ever dropped
/// for timing: it waits. Wall-clock times are read in the patient's zone, so daylight-saving changes move the
/// instant, not the local hour; a local end time that does not exist (the skipped hour) becomes the first moment
/// after the jump, and one that occurs twice (the repeated hour) the first occurrence still ahead.
/// </remarks>
public static class DeliveryPlanner
{
    /// <summary>How many notices a patient gets in 24 hours before the rest wait for the digest (security notices do not count against it).</summary>
    public const int DailyLimit = 10;

    /// <summary>Plans one notice of <paramref name="kind"/> at <paramref name="now"/>.</summary>
    /// <param name="kind">What the notice says.</param>
    /// <param name="facts">What the dispatcher knows of the recipient.</param>
    /// <param name="preferences">The recipient's choices.</param>
    /// <param name="now">The time of planning.</param>
    /// <param name="digestIsDue">
    /// The notice waited for the digest and its time has come: it goes now (quiet hours aside), never to the next
    /// day's digest — a digest sent a second after 18:00 is still today's.
    /// </param>
    /// <param name="uselessFrom">When the notice stops making sense (an appointment reminder: the visit's start); a plan that
    /// would send it then or later sends nothing (<see cref="ChannelReason.TooLate"/>).</param>
    public static DeliveryPlan Plan(
        NoticeKind kind, DeliveryFacts facts, NotificationPreferences preferences, DateTimeOffset now, bool digestIsDue = false, DateTimeOffset? uselessFrom = null)
    {
        var plan = PlanTimely(kind, facts, preferences, now, digestIsDue);
        return plan.Channel != NoticeChannel.None && (plan.NotBefore ?? now) >= uselessFrom
            ? new DeliveryPlan(NoticeChannel.None, NoticeChannel.None, ChannelReason.TooLate, null, WaitReason.None)
            : plan;
    }

    private static DeliveryPlan PlanTimely(NoticeKind kind, DeliveryFacts facts, NotificationPreferences preferences, DateTimeOffset now, bool digestIsDue)
    {
        var (channel, fallback, reason) = ChooseChannel(kind, facts, preferences);
        // Security notices and caregiver invitations go at once: the patient is acting right now (an invitation is the
        // invitee's one message, by e-mail unless only a phone was given).
        if (channel == NoticeChannel.None || kind is NoticeKind.SecurityNotice or NoticeKind.ProxyInvitation)
        {
            return new DeliveryPlan(channel, fallback, reason, null, WaitReason.None);
        }

        var (at, wait) = digestIsDue ? (now, WaitReason.None)
            : preferences.DailyDigest && NotificationPreferences.IsLowUrgency(kind) ? (NextDigest(facts.TimeZone, now), WaitReason.DailyDigest)
            : facts.SentLast24Hours >= DailyLimit ? (NextDigest(facts.TimeZone, now), WaitReason.DailyLimit)
            : (now, WaitReason.None);

        var local = TimeZoneInfo.ConvertTime(at, facts.TimeZone);
        if (preferences.IsQuiet(TimeOnly.FromDateTime(local.DateTime)))
        {
            (at, wait) = (EndOfQuietHours(preferences, facts.TimeZone, at, local), wait == WaitReason.None ? WaitReason.QuietHours : wait);
        }

        return at <= now
            ? new DeliveryPlan(channel, fallback, reason, null, WaitReason.None)
            : new DeliveryPlan(channel, fallback, reason, at, wait);
    }

    private static (NoticeChannel Channel, NoticeChannel Fallback, ChannelReason Reason) ChooseChannel(
        NoticeKind kind, DeliveryFacts facts, NotificationPreferences preferences)
    {
        var chosen = preferences.ChannelFor(kind);
        if (chosen == NoticeChannel.None)
        {
            // Validation refuses None for security notices; should a stored row say so anyway, they still go.
            if (kind != NoticeKind.SecurityNotice)
            {
                return (NoticeChannel.None, NoticeChannel.None, ChannelReason.TurnedOff);
            }

            chosen = NotificationPreferences.DefaultChannel(kind);
        }

        var other = chosen == NoticeChannel.Sms ? NoticeChannel.Email : NoticeChannel.Sms;
        if (facts.Allows(chosen))
        {
            return (chosen, facts.Allows(other) ? other : NoticeChannel.None, ChannelReason.AsChosen);
        }

        return facts.Allows(other)
            ? (other, NoticeChannel.None, chosen == NoticeChannel.Sms ? ChannelReason.SmsNotAllowed : ChannelReason.EmailNotAllowed)
            : (NoticeChannel.None, NoticeChannel.None, ChannelReason.Unreachable);
    }

    /// <summary>The next digest time at or after <paramref name="now"/>.</summary>
    private static DateTimeOffset NextDigest(TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var digest = AtLocal(zone, today.ToDateTime(NotificationPreferences.DigestTime), now);
        return digest >= now ? digest : AtLocal(zone, today.AddDays(1).ToDateTime(NotificationPreferences.DigestTime), now);
    }

    /// <summary>The end of the quiet window that contains <paramref name="at"/> (<paramref name="local"/> in the patient's zone).</summary>
    private static DateTimeOffset EndOfQuietHours(NotificationPreferences preferences, TimeZoneInfo zone, DateTimeOffset at, DateTimeOffset local)
    {
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var spansMidnight = preferences.QuietHoursStart > preferences.QuietHoursEnd;
        var endDate = spansMidnight && time >= preferences.QuietHoursStart ? date.AddDays(1) : date;
        return AtLocal(zone, endDate.ToDateTime(preferences.QuietHoursEnd), at);
    }

    private static DateTimeOffset AtLocal(TimeZoneInfo zone, DateTime wallClock, DateTimeOffset after) => ClinicClock.At(zone, wallClock, after);
}
