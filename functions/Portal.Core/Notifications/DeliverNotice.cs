using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Profile;

namespace Portal.Core.Notifications;

/// <summary>
/// Use case: the dispatcher. Claims a pending notice (ETag), plans it (<see cref="DeliveryPlanner"/>: the patient's
/// preferences, contact details, consents, SMS opt-out, quiet hours, daily limit), renders the words, hands it to the provider with a delivery key derived from
/// the notice, and records the outcome. Safe to run twice for one notice: a settled notice is left alone, a lost
/// race for the claim does nothing, and a resend after a crash carries the same key, which the provider drops.
/// </summary>
public sealed partial class DeliverNotice(
    INotices notices,
    IProfiles profiles,
    ISmsOptOuts optOuts,
    ISmsLanguages languages,
    INotificationPreferences preferences,
    ISmsSender sms,
    IEmailSender email,
    IOptions<ClinicOptions> clinic,
    TimeProvider clock,
    ILogger<DeliverNotice> logger)
{
    /// <summary>How long a provider that said "try later" is left alone.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>Delivers one notice if it is due and not settled; returns its state afterwards (null when it does not exist).</summary>
    public async Task<NoticeState?> ExecuteAsync(NoticeReference reference, CancellationToken cancellationToken)
    {
        var found = await notices.FindAsync(reference, cancellationToken);
        if (found is null)
        {
            // The change that wrote the index row never landed its chart row: nothing to tell.
            await notices.SettleAsync(reference, cancellationToken);
            return null;
        }

        var (notice, eTag) = (found.Value, found.ETag);
        var now = clock.GetUtcNow();
        if (notice.IsSettled)
        {
            await notices.SettleAsync(reference, cancellationToken); // a duplicate delivery, or a settle that failed
            return notice.State;
        }

        if (notice.NotBefore > now)
        {
            await notices.DueAgainAsync(reference, notice.NotBefore.Value, cancellationToken);
            return notice.State;
        }

        // The claim: whoever replaces the row first sends; a concurrent duplicate gets a conflict and stops.
        var claimed = notice with { State = NoticeState.Sending, FirstAttemptAt = notice.FirstAttemptAt ?? now };
        try
        {
            eTag = await notices.ReplaceAsync(claimed, eTag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        var outcome = await SendAsync(claimed, cancellationToken);
        await notices.ReplaceAsync(outcome, eTag, cancellationToken);
        if (outcome.IsSettled)
        {
            await notices.SettleAsync(reference, cancellationToken);
        }
        else
        {
            await notices.DueAgainAsync(reference, outcome.NotBefore ?? now + RetryAfter, cancellationToken);
        }

        LogOutcome(notice.Kind, outcome.State, outcome.Channel ?? "none");
        return outcome.State;
    }

    private async Task<Notice> SendAsync(Notice notice, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var profile = (await profiles.FindAsync(notice.PatientId, cancellationToken))?.Value;
        if (profile is null)
        {
            return notice with { State = NoticeState.Failed, Reason = "The patient's chart has no profile." };
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone ?? clinic.Value.TimeZone);
        var chosen = (await preferences.FindAsync(notice.PatientId, cancellationToken))?.Value ?? NotificationPreferences.Defaults;
        var facts = new DeliveryFacts(
            HasPhone: profile.Phone is not null,
            SmsConsent: profile.SmsConsent,
            SmsOptedOut: profile.Phone is not null && await optOuts.IsOptedOutAsync(profile.Phone, cancellationToken),
            HasEmail: profile.Email is not null,
            EmailConsent: profile.EmailConsent,
            TimeZone: zone,
            SentLast24Hours: await SentSinceAsync(notice.PatientId, now - TimeSpan.FromDays(1), cancellationToken));
        var plan = DeliveryPlanner.Plan(notice.Kind, facts, chosen, now);
        if (plan.Channel == NoticeChannel.None)
        {
            return notice with { State = NoticeState.Failed, Reason = $"Not sent: {plan.ChannelReason}." };
        }

        if (plan.NotBefore > now)
        {
            return notice with { State = NoticeState.Pending, NotBefore = plan.NotBefore, Reason = $"Waits: {plan.WaitReason}." };
        }

        var text = NoticeTemplates.Render(notice.Kind, notice.Details, profile.PreferredLanguage, zone, clinic.Value.Name, clinic.Value.PortalUrl);
        var first = await SendOnAsync(plan.Channel, notice, profile, text, now, cancellationToken);
        if (first.Settled is { } sent)
        {
            return sent;
        }

        // The chosen channel failed for good: the other allowed one, if any.
        if (plan.Fallback == NoticeChannel.None || plan.Fallback == plan.Channel)
        {
            return notice with { State = NoticeState.Failed, Reason = first.Reason };
        }

        var second = await SendOnAsync(plan.Fallback, notice, profile, text, now, cancellationToken);
        return second.Settled ?? notice with { State = NoticeState.Failed, Reason = $"{first.Reason}; {second.Reason}" };
    }

    private async Task<(Notice? Settled, string Reason)> SendOnAsync(
        NoticeChannel channel, Notice notice, PatientProfile profile, NoticeText text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = channel == NoticeChannel.Sms ? "sms" : "email";
        var key = $"{notice.PatientId}|{notice.NoticeId}|{name}";
        if (channel == NoticeChannel.Sms)
        {
            // What the number texts back is answered in the language it is texted in.
            await languages.RememberAsync(profile.Phone!, NoticeLanguage.Of(profile.PreferredLanguage), cancellationToken);
        }

        var result = channel == NoticeChannel.Sms
            ? await sms.SendAsync(new SmsMessage(profile.Phone!, text.Sms, key, notice.FirstAttemptAt ?? now, notice.Kind.ToString()), cancellationToken)
            : await email.SendAsync(new EmailMessage(profile.Email!, text.EmailSubject, text.EmailBody, null, key), cancellationToken);
        return (Settle(notice, name, result, now), $"{name}: {result.Reason}");
    }

    /// <summary>How many notices went out to the patient since <paramref name="since"/> (the planner's daily limit).</summary>
    private async Task<int> SentSinceAsync(string patientId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Newest first: one page covers any day within the limit.
        var recent = await notices.ListAsync(patientId, DeliveryPlanner.DailyLimit * 2, null, cancellationToken);
        return recent.Items.Count(n => n.SentAt >= since && n.Kind != NoticeKind.SecurityNotice);
    }

    /// <summary>The notice after a provider's answer; null when that channel failed for good (try the next one).</summary>
    private static Notice? Settle(Notice notice, string channel, SendResult result, DateTimeOffset now) => result.Outcome switch
    {
        SendOutcome.Accepted => notice with { State = NoticeState.Sent, Channel = channel, ProviderMessageId = result.ProviderMessageId, SentAt = now, Reason = null },
        SendOutcome.TryLater => notice with { State = NoticeState.Pending, NotBefore = now + RetryAfter, Reason = $"{channel}: {result.Reason}" },
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Kind}: {State} via {Channel}")]
    private partial void LogOutcome(NoticeKind kind, NoticeState state, string channel);
}
