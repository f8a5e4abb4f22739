using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>
/// Use case: the billing office refunds part or all of a card payment through the provider. Nothing is posted here:
/// the refund entry posts when the provider's <c>charge.refunded</c> event arrives, as for every card movement.
/// </summary>
public sealed class RefundCardPayment(ILedger ledger, IPaymentProvider provider, ChartAccess access, IOptions<BillingOptions> billing)
{
    /// <summary>What was asked of the provider; 400, 403 not the billing office, 404, 409 refused by the provider.</summary>
    public async Task<Result<RequestedRefund>> ExecuteAsync(
        Caller caller, string patientId, CardRefundRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireText(request.Reason, "reason", LedgerRules.MaxText);
        errors.Require(long.TryParse(request.EntryId, out var sequence) && sequence > 0, "entryId", "The number of the card payment's entry.");
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        var amount = Money.Parse(request.Amount, billing.Value.Currency);
        if (!amount.Succeeded)
        {
            errors.Add("amount", amount.Failure.Errors!["amount"][0]);
        }

        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var visit = await access.OpenForOfficeAsync(caller, patientId, $"patients/{patientId}/billing/refunds", "Only the billing office refunds payments.", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await RefundAsync(visit.Value, sequence, amount.Value, idempotencyKey, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<RequestedRefund>> RefundAsync(ChartVisit visit, long sequence, Money amount, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var entry = await ledger.FindAsync(visit.PatientId, sequence, cancellationToken);
        if (entry is not { Kind: LedgerEntryKind.PatientPayment, PaymentReference: { } reference })
        {
            return Failure.Invalid("entryId", "Name the entry of a card payment; other payments are refunded with a refund entry.");
        }

        var payment = (await ledger.FindPaymentAsync(visit.PatientId, reference, cancellationToken))?.Payment;
        var left = payment is null ? entry.Amount : payment.Amount - payment.Refunded;
        if (amount.Minor > left.Minor)
        {
            return Failure.Invalid("amount", $"At most what is left of the payment, {left}.");
        }

        try
        {
            await provider.RefundAsync(reference, amount, StartPayment.Scoped(visit.Caller.Subject, visit.PatientId, idempotencyKey is null ? null : "refund:" + idempotencyKey), cancellationToken);
        }
        catch (PaymentProviderException e)
        {
            return new Failure(FailureKind.Conflict, e.Message);
        }

        return new RequestedRefund(entry.Sequence, amount);
    }
}

/// <summary>A card refund the billing office asks for.</summary>
/// <param name="EntryId">The number of the card payment's ledger entry.</param>
/// <param name="Amount">How much, in major units as text (e.g. <c>"20.00"</c>), at most what is left of the payment.</param>
/// <param name="Reason">Why (audited with the request).</param>
public sealed record CardRefundRequest(string EntryId, string Amount, string Reason);

/// <summary>A refund the provider accepted; its ledger entry follows with the provider's event.</summary>
/// <param name="PaymentSequence">The card payment's entry.</param>
/// <param name="Amount">What was asked.</param>
public sealed record RequestedRefund(long PaymentSequence, Money Amount);
