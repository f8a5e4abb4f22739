using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Profile;

namespace Portal.Core.Notifications;

/// <summary>
/// Use case: the dispatcher. Claims a pending notice (ETag), decides the channel from the patient's contact
/// details, consents and SMS opt-out, renders the words, hands it to the provider with a delivery key derived from
/// the notice, and records the outcome. Safe to run twice for one notice: a settled notice is left alone, a lost
/// race for the claim does nothing, and a resend after a crash carries the same key, which the provider drops.
/// </summary>
public sealed partial class DeliverNotice(
    INotices notices,
    IProfiles profiles,
    ISmsOptOuts optOuts,
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
        var text = NoticeTemplates.Render(notice.Kind, notice.Details, profile.PreferredLanguage, zone, clinic.Value.Name, clinic.Value.PortalUrl);
        var reasons = new List<string>();
        if (profile.Phone is null || !profile.SmsConsent)
        {
            reasons.Add("SMS: no mobile number or no consent");
        }
        else if (await optOuts.IsOptedOutAsync(profile.Phone, cancellationToken))
        {
            reasons.Add("SMS: the number replied STOP");
        }
        else
        {
            var result = await sms.SendAsync(new SmsMessage(profile.Phone, text.Sms, $"{notice.PatientId}|{notice.NoticeId}|sms", notice.FirstAttemptAt ?? now, notice.Kind.ToString()), cancellationToken);
            if (Settle(notice, "sms", result, now) is { } settled)
            {
                return settled;
            }

            reasons.Add($"SMS: {result.Reason}");
        }

        // E-mail: the patient's choice when SMS is not allowed, and the fallback when SMS failed for good.
        if (profile.Email is null || !profile.EmailConsent)
        {
            reasons.Add("e-mail: no address or no consent");
            return notice with { State = NoticeState.Failed, Reason = string.Join("; ", reasons) };
        }

        var mail = await email.SendAsync(new EmailMessage(profile.Email, text.EmailSubject, text.EmailBody, null, $"{notice.PatientId}|{notice.NoticeId}|email"), cancellationToken);
        return Settle(notice, "email", mail, now)
            ?? notice with { State = NoticeState.Failed, Reason = string.Join("; ", [.. reasons, $"e-mail: {mail.Reason}"]) };
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
