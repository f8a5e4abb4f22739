using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Common;

namespace Portal.Core.Billing;

/// <summary>
/// Use case: a webhook delivery from the payment provider. The signature is checked first (a bad or old one stores
/// nothing). A paid checkout posts a patient payment once per PaymentIntent; a refund posts what the provider's running
/// refunded total adds to what was posted, so duplicates and out-of-order deliveries post nothing twice. A refund of a
/// payment not posted yet is refused with 409, so the provider delivers it again later.
/// </summary>
public sealed partial class ReceivePaymentEvent(
    IPaymentEvents events, ILedger ledger, LedgerWrites writes, IOptions<BillingOptions> billing, TimeProvider clock, ILogger<ReceivePaymentEvent> logger)
{
    /// <summary>Who the ledger names as the poster of provider entries.</summary>
    public const string Provider = "provider:stripe";

    /// <summary>What became of the delivery; 400 for a bad signature or body, 409 for a refund that came before its payment.</summary>
    public async Task<Result<PaymentEventOutcome>> ExecuteAsync(string body, string? signature, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var read = events.Read(body, signature, now);
        if (!read.Succeeded)
        {
            return read.Failure;
        }

        return read.Value switch
        {
            PaymentSucceeded paid => await PostPaymentAsync(paid, now, cancellationToken),
            PaymentRefunded refunded => await PostRefundAsync(refunded, now, cancellationToken),
            _ => new PaymentEventOutcome(read.Value.EventId, read.Value.Type, PaymentEventResult.Ignored, null),
        };
    }

    private async Task<Result<PaymentEventOutcome>> PostPaymentAsync(PaymentSucceeded paid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (paid.Amount.Currency != billing.Value.Currency)
        {
            LogForeignCurrency(logger, paid.EventId, paid.Amount.Currency);
            return new PaymentEventOutcome(paid.EventId, paid.Type, PaymentEventResult.Ignored, null);
        }

        var origin = $"payment:{paid.PaymentReference}";
        var posted = await writes.PostAsync(paid.PatientId, billing.Value.Currency, origin, (account, sequence) =>
        {
            var entry = new LedgerEntry(paid.PatientId, sequence, LedgerEntryKind.PatientPayment, paid.Amount, -paid.Amount, now,
                "Online card payment — thank you", null, null, null, null, Provider, "Card payment", null, paid.PaymentReference, origin);
            var payment = new CardPayment(paid.PatientId, paid.PaymentReference, paid.Amount, Money.Zero(paid.Amount.Currency), sequence);
            return Task.FromResult<Result<LedgerPosting>>(new LedgerPosting(entry, account.After(entry), (payment, null)));
        }, cancellationToken);
        if (!posted.Succeeded)
        {
            // A checkout for a chart that no longer exists: nothing to post to; the provider should stop sending it.
            LogNoChart(logger, paid.EventId);
            return new PaymentEventOutcome(paid.EventId, paid.Type, PaymentEventResult.Ignored, null);
        }

        return new PaymentEventOutcome(paid.EventId, paid.Type, posted.Value.Existing ? PaymentEventResult.Duplicate : PaymentEventResult.Posted, posted.Value.Entry.Sequence);
    }

    private async Task<Result<PaymentEventOutcome>> PostRefundAsync(PaymentRefunded refunded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patientId = await ledger.PatientOfPaymentAsync(refunded.PaymentReference, cancellationToken);
        if (patientId is null || await ledger.FindPaymentAsync(patientId, refunded.PaymentReference, cancellationToken) is null)
        {
            return new Failure(FailureKind.Conflict, "The payment this refund belongs to has not been posted yet; deliver the event again later.");
        }

        // The running total is the cause: each new total posts once, and an older, smaller total posts nothing.
        var origin = $"refund:{refunded.PaymentReference}:{refunded.RefundedTotal.Minor}";
        var nothing = false;
        var posted = await writes.PostAsync(patientId, billing.Value.Currency, origin, async (account, sequence) =>
        {
            var (payment, eTag) = (await ledger.FindPaymentAsync(patientId, refunded.PaymentReference, cancellationToken))!.Value;
            var more = refunded.RefundedTotal - payment.Refunded;
            if (!more.IsPositive)
            {
                nothing = true;
                return Failure.NotFound("Nothing new was refunded");
            }

            var entry = new LedgerEntry(patientId, sequence, LedgerEntryKind.Refund, more, more, now,
                "Refund to your card", null, null, null, null, Provider, "Card refund", null, refunded.PaymentReference, origin);
            return new LedgerPosting(entry, account.After(entry), (payment with { Refunded = refunded.RefundedTotal }, eTag));
        }, cancellationToken);
        if (nothing)
        {
            return new PaymentEventOutcome(refunded.EventId, refunded.Type, PaymentEventResult.Duplicate, null);
        }

        return posted.Succeeded
            ? new PaymentEventOutcome(refunded.EventId, refunded.Type, posted.Value.Existing ? PaymentEventResult.Duplicate : PaymentEventResult.Posted, posted.Value.Entry.Sequence)
            : posted.Failure;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment event {EventId} is in {Currency}, not the clinic's currency; not posted.")]
    private static partial void LogForeignCurrency(ILogger logger, string eventId, string currency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment event {EventId} names a patient with no chart; not posted.")]
    private static partial void LogNoChart(ILogger logger, string eventId);
}

/// <summary>What a webhook delivery did.</summary>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Type">The provider's event type.</param>
/// <param name="Result">Posted, a duplicate of what was posted, or ignored.</param>
/// <param name="Sequence">The ledger entry posted (or posted before), if any.</param>
public sealed record PaymentEventOutcome(string EventId, string Type, PaymentEventResult Result, long? Sequence);

/// <summary>What became of one provider event.</summary>
public enum PaymentEventResult
{
    /// <summary>A ledger entry was posted.</summary>
    Posted,

    /// <summary>Its payment or refund was posted before: nothing changed.</summary>
    Duplicate,

    /// <summary>Not an event the portal acts on.</summary>
    Ignored,
}
