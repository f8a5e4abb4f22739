using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;

namespace Portal.Core.Notifications;

/// <summary>
/// Use case: the dispatcher. Claims a pending notice (ETag) — the first claim of a patient's notice also writes a copy
/// for each caregiver whose grant covers it, in the same chart transaction — then plans it for its recipient
/// (<see cref="DeliveryPlanner"/>: preferences, contact details, consents, SMS opt-out, quiet hours, daily limit),
/// renders the words, hands it to the provider with a delivery key derived from the notice, and records the outcome.
/// A notice that waited for the daily digest goes out in one message with the recipient's other due digest notices:
/// the oldest leads, claims the others in its own claim, and settles them with its outcome. Safe to run twice for one
/// notice: a settled notice is left alone, a lost race for the claim does nothing, and a resend after a crash carries
/// the same key, which the provider drops.
/// </summary>
public sealed partial class DeliverNotice(
    INotices notices,
    NoticeRecipients recipients,
    CaregiverNotices caregivers,
    ISmsOptOuts optOuts,
    ISmsLanguages languages,
    ISmsSender sms,
    IEmailSender email,
    INoticeQueue queue,
    IOptions<ClinicOptions> clinic,
    TimeProvider clock,
    ILogger<DeliverNotice> logger)
{
    /// <summary>How long a provider that said "try later" is left alone.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    // Notices read back for the daily limit and the digest: a digest waits at most a day (two across a DST change).
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(3);

    /// <summary>Delivers one notice if it is due and not settled; returns its state afterwards (null when it does not exist or another dispatcher has it).</summary>
    public async Task<NoticeState?> ExecuteAsync(NoticeReference reference, CancellationToken cancellationToken)
    {
        var found = await notices.FindAsync(reference, cancellationToken);
        if (found is null)
        {
            // The change that wrote the index row never landed its chart row: nothing to tell.
            await notices.SettleAsync(reference, cancellationToken);
            return null;
        }

        var notice = found.Value;
        var now = clock.GetUtcNow();
        if (notice.IsSettled)
        {
            await notices.SettleAsync(reference, cancellationToken); // a duplicate delivery, or a settle that failed
            return notice.State;
        }

        if (notice.NotBefore > now || notice.BundledWith is not null)
        {
            // Not yet; or carried by another notice's digest, which settles it (looked at again should that one stall).
            await notices.DueAgainAsync(reference, notice.NotBefore > now ? notice.NotBefore.Value : now + RetryAfter, cancellationToken);
            return notice.State;
        }

        var recent = await notices.RecentAsync(notice.PatientId, now - RecentWindow, cancellationToken);
        var carried = Carried(found, recent, now);
        if (carried is null)
        {
            // A digest another notice leads: the leader's own dispatch sends this one too.
            await notices.DueAgainAsync(reference, now + RetryAfter, cancellationToken);
            return notice.State;
        }

        // The claim: whoever writes first sends; a concurrent duplicate gets a conflict and stops.
        var copies = notice.FirstAttemptAt is null ? await caregivers.CopiesAsync(notice, now, cancellationToken) : [];
        var claimed = notice with { State = NoticeState.Sending, FirstAttemptAt = notice.FirstAttemptAt ?? now, Bundle = carried.Count > 0 ? [.. carried.Select(c => c.Value.NoticeId)] : null };
        var bundle = carried.Select(c => c with { Value = c.Value with { State = NoticeState.Sending, BundledWith = notice.NoticeId } }).ToList();
        IReadOnlyList<string> eTags;
        try
        {
            eTags = await notices.SaveAllAsync([found with { Value = claimed }, .. bundle], copies, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        foreach (var copy in copies)
        {
            await queue.TryEnqueueAsync(copy, logger, cancellationToken);
        }

        var (outcome, deferred) = await SendAsync(claimed, [.. bundle.Select(b => b.Value.Kind)], recent, now, cancellationToken);
        await RecordAsync(outcome, deferred, eTags, bundle, now, cancellationToken);
        LogOutcome(notice.Kind, outcome.State, outcome.Channel ?? "none", bundle.Count);
        return outcome.State;
    }

    /// <summary>
    /// The notices this one's message carries besides itself: none for a notice that does not wait for the digest, the
    /// bundle it already leads (a retry), or the other due digest notices of its recipient when it is the oldest; null
    /// when another notice leads them.
    /// </summary>
    private static IReadOnlyList<Versioned<Notice>>? Carried(Versioned<Notice> notice, IReadOnlyList<Versioned<Notice>> recent, DateTimeOffset now)
    {
        if (notice.Value.Bundle is { } led)
        {
            return [.. recent.Where(r => led.Contains(r.Value.NoticeId) && !r.Value.IsSettled)];
        }

        if (!notice.Value.Digest)
        {
            return [];
        }

        var due = DigestBundles.Due(recent, notice.Value, now);
        return due.Count == 0 || due[0].Value.NoticeId == notice.Value.NoticeId ? [.. due.Skip(1)] : null;
    }

    /// <summary>
    /// Saves the outcome on the notice and on every notice its message carried; settles or re-schedules their pending
    /// rows. A bundle deferred before anything was sent is released: each waits on its own again.
    /// </summary>
    private async Task RecordAsync(
        Notice outcome, bool deferred, IReadOnlyList<string> eTags, IReadOnlyList<Versioned<Notice>> bundle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leader = deferred ? outcome with { Bundle = null } : outcome;
        if (leader.IsSettled && leader.Details.InvitationCode is not null)
        {
            // An invitation's code is kept only until it is sent: the chart never holds it afterwards.
            leader = leader with { Details = leader.Details with { InvitationCode = null } };
        }

        var carried = bundle.Select((b, i) => new Versioned<Notice>(
            deferred
                ? b.Value with { State = NoticeState.Pending, BundledWith = null, NotBefore = outcome.NotBefore }
                : b.Value with { State = outcome.State, Channel = outcome.Channel, ProviderMessageId = outcome.ProviderMessageId, SentAt = outcome.SentAt, Reason = outcome.Reason },
            eTags[i + 1])).ToList();
        await notices.SaveAllAsync([new Versioned<Notice>(leader, eTags[0]), .. carried], [], cancellationToken);
        foreach (var notice in carried.Select(c => c.Value).Prepend(leader))
        {
            if (notice.IsSettled)
            {
                await notices.SettleAsync(notice.Reference, cancellationToken);
            }
            else
            {
                await notices.DueAgainAsync(notice.Reference, notice.NotBefore ?? now + RetryAfter, cancellationToken);
            }
        }
    }

    /// <summary>Plans and sends; <c>Deferred</c> when the plan makes it wait (nothing was sent).</summary>
    private async Task<(Notice Outcome, bool Deferred)> SendAsync(
        Notice notice, IReadOnlyList<NoticeKind> carriedKinds, IReadOnlyList<Versioned<Notice>> recent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (recipient, missing) = await recipients.FindAsync(notice, cancellationToken);
        if (recipient is null)
        {
            return (notice with { State = NoticeState.Failed, Reason = missing }, false);
        }

        var contact = recipient.Contact;
        var facts = new DeliveryFacts(
            HasPhone: contact.Phone is not null,
            SmsConsent: contact.SmsConsent,
            SmsOptedOut: contact.Phone is not null && await optOuts.IsOptedOutAsync(contact.Phone, cancellationToken),
            HasEmail: contact.Email is not null,
            EmailConsent: contact.EmailConsent,
            TimeZone: recipient.TimeZone,
            SentLast24Hours: SentSince(recent, notice.Caregiver, now - TimeSpan.FromDays(1)));
        var plan = DeliveryPlanner.Plan(notice.Kind, facts, recipient.Preferences, now, digestIsDue: notice.Digest,
            uselessFrom: notice.Kind == NoticeKind.AppointmentReminder ? notice.Details.When : null);
        if (plan.Channel == NoticeChannel.None)
        {
            return (notice with { State = NoticeState.Failed, Reason = $"Not sent: {plan.ChannelReason}." }, false);
        }

        if (plan.NotBefore > now)
        {
            var digest = notice.Digest || plan.WaitReason is WaitReason.DailyDigest or WaitReason.DailyLimit;
            return (notice with { State = NoticeState.Pending, NotBefore = plan.NotBefore, Digest = digest, Reason = $"Waits: {plan.WaitReason}." }, true);
        }

        var text = carriedKinds.Count > 0 || CaregiverNotices.IsCopy(notice)
            ? NoticeSummaries.Render([notice.Kind, .. carriedKinds], notice.Caregiver is not null, contact.PreferredLanguage, clinic.Value.Name, clinic.Value.PortalUrl)
            : NoticeTemplates.Render(notice.Kind, notice.Details, contact.PreferredLanguage, recipient.TimeZone, clinic.Value.Name, clinic.Value.PortalUrl);
        var first = await SendOnAsync(plan.Channel, notice, contact, text, now, cancellationToken);
        if (first.Settled is { } sent)
        {
            return (sent, false);
        }

        // The chosen channel failed for good: the other allowed one, if any.
        if (plan.Fallback == NoticeChannel.None || plan.Fallback == plan.Channel)
        {
            return (notice with { State = NoticeState.Failed, Reason = first.Reason }, false);
        }

        var second = await SendOnAsync(plan.Fallback, notice, contact, text, now, cancellationToken);
        return (second.Settled ?? notice with { State = NoticeState.Failed, Reason = $"{first.Reason}; {second.Reason}" }, false);
    }

    private async Task<(Notice? Settled, string Reason)> SendOnAsync(
        NoticeChannel channel, Notice notice, NoticeContact contact, NoticeText text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = channel == NoticeChannel.Sms ? "sms" : "email";
        var key = $"{notice.PatientId}|{notice.NoticeId}|{name}";
        if (channel == NoticeChannel.Sms)
        {
            // What the number texts back is answered in the language it is texted in.
            await languages.RememberAsync(contact.Phone!, NoticeLanguage.Of(contact.PreferredLanguage), cancellationToken);
        }

        var result = channel == NoticeChannel.Sms
            ? await sms.SendAsync(new SmsMessage(contact.Phone!, text.Sms, key, notice.FirstAttemptAt ?? now, notice.Kind.ToString()), cancellationToken)
            : await email.SendAsync(new EmailMessage(contact.Email!, text.EmailSubject, text.EmailBody, null, key), cancellationToken);
        return (Settle(notice, name, result, now), $"{name}: {result.Reason}");
    }

    /// <summary>How many messages went to this recipient of the chart since <paramref name="since"/> (the planner's daily limit; a digest counts once).</summary>
    private static int SentSince(IReadOnlyList<Versioned<Notice>> recent, string? caregiver, DateTimeOffset since) =>
        recent.Count(n => n.Value.SentAt >= since && n.Value.Caregiver == caregiver && n.Value.BundledWith is null && n.Value.Kind != NoticeKind.SecurityNotice);

    /// <summary>The notice after a provider's answer; null when that channel failed for good (try the next one).</summary>
    private static Notice? Settle(Notice notice, string channel, SendResult result, DateTimeOffset now) => result.Outcome switch
    {
        SendOutcome.Accepted => notice with { State = NoticeState.Sent, Channel = channel, ProviderMessageId = result.ProviderMessageId, SentAt = now, Reason = null },
        SendOutcome.TryLater => notice with { State = NoticeState.Pending, NotBefore = now + RetryAfter, Reason = $"{channel}: {result.Reason}" },
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Kind}: {State} via {Channel} (with {Carried} more)")]
    private partial void LogOutcome(NoticeKind kind, NoticeState state, string channel, int carried);
}
