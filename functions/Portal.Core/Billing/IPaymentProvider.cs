namespace Portal.Core.Billing;

/// <summary>
/// Port: the card payment provider (Stripe; a development stand-in locally). Card data never reaches the portal: the
/// patient pays on the provider's hosted checkout page, and the provider reports the outcome through its signed webhook.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Creates a hosted checkout for one amount; the same <see cref="CheckoutRequest.IdempotencyKey"/> gives the same checkout.</summary>
    /// <exception cref="PaymentProviderException">The provider refused (e.g. the key was used with other parameters).</exception>
    Task<CheckoutSession> StartCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>Asks the provider to refund part or all of a card payment; the ledger entry follows with the provider's refund event.</summary>
    /// <exception cref="PaymentProviderException">The provider refused (e.g. more than is left to refund).</exception>
    Task RefundAsync(string paymentReference, Money amount, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>Port: reads the provider's webhook deliveries, after checking their signature and age.</summary>
public interface IPaymentEvents
{
    /// <summary>The event; a 400 failure on <c>Stripe-Signature</c> when the signature is wrong, missing or too old.</summary>
    Common.Result<PaymentEvent> Read(string body, string? signature, DateTimeOffset now);
}

/// <summary>What a checkout is for.</summary>
/// <param name="PatientId">Whose ledger the payment goes to (kept in the provider's metadata).</param>
/// <param name="Amount">How much.</param>
/// <param name="Description">What the patient sees on the checkout page and receipt (no clinical detail).</param>
/// <param name="SuccessUrl">Where the provider sends the patient after paying.</param>
/// <param name="CancelUrl">Where the provider sends the patient who gives up.</param>
/// <param name="IdempotencyKey">Passed to the provider, so a retried request makes no second checkout.</param>
/// <param name="PayLinkId">The pay-without-login link used, if any.</param>
public sealed record CheckoutRequest(string PatientId, Money Amount, string Description, string SuccessUrl, string CancelUrl, string IdempotencyKey, string? PayLinkId = null);

/// <summary>A hosted checkout.</summary>
/// <param name="SessionId">The provider's id.</param>
/// <param name="Url">Where the patient pays.</param>
/// <param name="ExpiresAt">When it stops taking payment.</param>
public sealed record CheckoutSession(string SessionId, string Url, DateTimeOffset ExpiresAt);

/// <summary>The provider refused a request; the message is safe to show (no card or patient data).</summary>
public sealed class PaymentProviderException(string message, bool conflict = false) : Exception(message)
{
    /// <summary>True when the refusal is about the request's state (e.g. an idempotency key reused), not a fault.</summary>
    public bool IsConflict { get; } = conflict;
}
