using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;

namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// Use case: a text message arrived at the clinic's number. Carrier keywords first (STOP and START change the
/// number's opt-out, keyed by when the provider received them; HELP is answered), then the features' handlers in
/// order, then one short fallback per number a day. Answers are keyed by the inbound message id and written in the
/// language the number is texted in (Spanish keywords are answered in Spanish); a Spanish opt-out keyword, which
/// carriers do not act on, is confirmed before the opt-out is recorded.
/// </summary>
public sealed class ReceiveText(
    ISmsOptOuts optOuts,
    ISmsLanguages languages,
    ISmsSender sms,
    ISmsReplyLimits limits,
    IEnumerable<IInboundTextHandler> handlers,
    IOptions<ClinicOptions> clinic,
    TimeProvider clock,
    ILogger<ReceiveText> logger)
{
    /// <summary>At most one fallback answer per number in this time.</summary>
    public static readonly TimeSpan FallbackWindow = TimeSpan.FromHours(24);

    private readonly IInboundTextHandler[] handlers = [.. handlers];

    /// <summary>Handles one inbound text (its <see cref="InboundText.From"/> already in E.164).</summary>
    public async Task<InboundTextOutcome> ExecuteAsync(InboundText text, CancellationToken cancellationToken)
    {
        var spanishKeyword = SmsKeywords.IsSpanish(text.Message);
        switch (SmsKeywords.Classify(text.Message))
        {
            case SmsKeyword.OptOut:
                if (spanishKeyword && !await optOuts.IsOptedOutAsync(text.From, cancellationToken))
                {
                    // The last text this number gets from us, so the key makes sure it is the only one.
                    await ReplyAsync(text, InboundReplies.OptedOutInSpanish(clinic.Value), cancellationToken);
                }

                await optOuts.SetAsync(text.From, true, text.ReceivedAt, cancellationToken);
                return InboundTextOutcome.OptedOut;
            case SmsKeyword.OptIn:
                await optOuts.SetAsync(text.From, false, text.ReceivedAt, cancellationToken);
                return InboundTextOutcome.OptedIn;
            case SmsKeyword.Help:
                await ReplyAsync(text, InboundReplies.Help(clinic.Value, spanishKeyword || await IsSpanishAsync(text, cancellationToken)), cancellationToken);
                return InboundTextOutcome.HelpSent;
        }

        foreach (var handler in handlers)
        {
            if (await handler.TryHandleAsync(text, cancellationToken))
            {
                return InboundTextOutcome.Handled;
            }
        }

        if (await optOuts.IsOptedOutAsync(text.From, cancellationToken)
            || !await limits.TryTakeAsync(text.From, clock.GetUtcNow(), FallbackWindow, cancellationToken))
        {
            return InboundTextOutcome.NotAnswered;
        }

        await ReplyAsync(text, InboundReplies.Fallback(clinic.Value, await IsSpanishAsync(text, cancellationToken)), cancellationToken);
        return InboundTextOutcome.FallbackSent;
    }

    private async Task<bool> IsSpanishAsync(InboundText text, CancellationToken cancellationToken) =>
        await languages.FindAsync(text.From, cancellationToken) == NoticeLanguage.Spanish;

    private async Task ReplyAsync(InboundText text, string words, CancellationToken cancellationToken)
    {
        var result = await sms.SendAsync(InboundReplies.To(text, words), cancellationToken);
        if (result.Outcome != SendOutcome.Accepted)
        {
            // The provider's reason carries no patient data; the message and the number stay out of the log.
            logger.LogWarning("The answer to inbound text {MessageId} was not sent: {Outcome} ({Reason})", text.MessageId, result.Outcome, result.Reason);
        }
    }
}
