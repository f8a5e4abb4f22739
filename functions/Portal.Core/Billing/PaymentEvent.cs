namespace Portal.Core.Billing;

/// <summary>A verified webhook event from the payment provider.</summary>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Type">The provider's event type.</param>
public abstract record PaymentEvent(string EventId, string Type);

/// <summary>A checkout was paid: post the payment once per <paramref name="PaymentReference"/>.</summary>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Type">The provider's event type.</param>
/// <param name="PatientId">Whose ledger (from the checkout's metadata).</param>
/// <param name="PaymentReference">The provider's payment id (a PaymentIntent).</param>
/// <param name="Amount">What was paid.</param>
/// <param name="PayLinkId">The pay link the checkout came from, if any.</param>
public sealed record PaymentSucceeded(string EventId, string Type, string PatientId, string PaymentReference, Money Amount, string? PayLinkId) : PaymentEvent(EventId, Type);

/// <summary>Some of a card payment was refunded: <paramref name="RefundedTotal"/> is the provider's running total, so order does not matter.</summary>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Type">The provider's event type.</param>
/// <param name="PaymentReference">The payment refunded.</param>
/// <param name="RefundedTotal">Everything refunded of it so far.</param>
public sealed record PaymentRefunded(string EventId, string Type, string PaymentReference, Money RefundedTotal) : PaymentEvent(EventId, Type);

/// <summary>An event the portal does not act on (answered 200, so the provider stops sending it).</summary>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Type">The provider's event type.</param>
/// <param name="Why">Why it is ignored (no patient data).</param>
public sealed record PaymentEventIgnored(string EventId, string Type, string Why) : PaymentEvent(EventId, Type);
