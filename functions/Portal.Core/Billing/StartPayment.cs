using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>
/// Use case: the patient, or a caregiver with <c>billing.write</c>, starts paying part or all of the balance. The
/// amount is checked against the balance here (a zero balance never reaches the provider); the provider's hosted
/// checkout takes the card; the payment posts only when the provider's signed webhook says it was paid.
/// </summary>
public sealed class StartPayment(ILedger ledger, IPaymentProvider provider, ChartAccess access, IOptions<BillingOptions> billing, IOptions<ClinicOptions> clinic)
{
    /// <summary>The checkout to send the patient to; 400 amount, 403 staff or no scope, 404, 409 nothing to pay or a reused key.</summary>
    public async Task<Result<CheckoutSession>> ExecuteAsync(
        Caller caller, string patientId, string? amountText, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        var amount = Money.Parse(amountText, billing.Value.Currency);
        if (!amount.Succeeded)
        {
            errors.Add("amount", amount.Failure.Errors!["amount"][0]);
        }

        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var visit = await access.OpenForPayerAsync(caller, patientId, $"patients/{patientId}/billing/payments", "Online payments are made by the patient or their caregiver.", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await StartAsync(patientId, amount.Value, Scoped(caller.Subject, patientId, idempotencyKey), null, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Checks the amount against the balance and asks the provider for a checkout. Neither authorizes nor audits: the caller
    /// did (<see cref="ExecuteAsync"/> for a signed-in payer, <see cref="PayWithLink"/> for a verified pay link).
    /// </summary>
    public async Task<Result<CheckoutSession>> StartAsync(string patientId, Money amount, string providerKey, string? payLinkId, CancellationToken cancellationToken)
    {
        if (await ledger.FindAccountAsync(patientId, billing.Value.Currency, cancellationToken) is not { } found)
        {
            return Failure.NotFound("The patient");
        }

        if (PaymentRules.Check(billing.Value, found.Account.Balance, amount) is { } refused)
        {
            return refused;
        }

        var portal = clinic.Value.PortalUrl.TrimEnd('/');
        try
        {
            return await provider.StartCheckoutAsync(
                new CheckoutRequest(patientId, amount, $"Payment to {clinic.Value.Name}", $"{portal}/billing?payment=done", $"{portal}/billing?payment=cancelled", providerKey, payLinkId),
                cancellationToken);
        }
        catch (PaymentProviderException e) when (e.IsConflict)
        {
            return new Failure(FailureKind.Conflict, e.Message);
        }
    }

    /// <summary>
    /// The key the provider sees: the caller's key bound to the caller and the patient (a key is the caller's own), or a
    /// fresh one. Hashed, so the provider learns nothing from it.
    /// </summary>
    internal static string Scoped(string subject, string patientId, string? idempotencyKey) =>
        idempotencyKey is null
            ? "checkout-" + Guid.NewGuid().ToString("N")
            : "checkout-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}\n{patientId}\n{idempotencyKey}")));
}
