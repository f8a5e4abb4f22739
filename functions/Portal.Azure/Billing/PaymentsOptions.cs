namespace Portal.Azure.Billing;

/// <summary>The payment provider's settings (section <c>Payments</c>); the keys are Key Vault references in Azure.</summary>
internal sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>Used when no webhook secret is configured in Development, so the development checkout and the webhook agree.</summary>
    public const string DevelopmentWebhookSecret = "whsec_development_only";

    /// <summary>Stripe's secret API key (<c>sk_live_…</c>, <c>sk_test_…</c> or a restricted <c>rk_…</c>); unset: the development provider.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>During a rotation, the previous signing secret, also accepted.</summary>
    public string? WebhookSecretPrevious { get; set; }

    /// <summary>Another API base for Stripe (a local fake); unset: Stripe itself.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a signed delivery may be, in seconds (Stripe's default, 300).</summary>
    public long ToleranceSeconds { get; set; } = 300;

    public IEnumerable<string> AcceptedSecrets() =>
        new[] { WebhookSecret, WebhookSecretPrevious }.Where(secret => !string.IsNullOrEmpty(secret))!;
}
