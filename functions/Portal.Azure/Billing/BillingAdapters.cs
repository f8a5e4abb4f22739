using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Azure.Tables;
using Stripe;
using Portal.Core.Billing;

namespace Portal.Azure.Billing;

/// <summary>The Billing feature's adapters: the ledger and statements in tables and blobs, and the clinic's billing rules.</summary>
internal static class BillingAdapters
{
    public static IServiceCollection AddBillingAdapters(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section))
            .Validate(options => Currencies.IsKnown(options.Currency), "Billing:Currency must be one of USD, CAD, EUR, GBP, AUD, MXN, JPY.")
            .Validate(options => Money.Parse(options.MinimumPayment, Currencies.IsKnown(options.Currency) ? options.Currency : "USD").Succeeded,
                "Billing:MinimumPayment must be an amount such as 5.00.")
            .Validate(options => options.StatementDay is >= 1 and <= 28 && options.StatementHour is >= 0 and <= 23 && options.StatementDueDays is >= 1 and <= 90,
                "Billing:StatementDay must be 1 to 28, Billing:StatementHour 0 to 23 and Billing:StatementDueDays 1 to 90.")
            .Validate(options => options.PlanMinInstalments >= 2 && options.PlanMaxInstalments <= 6 && options.PlanMinInstalments <= options.PlanMaxInstalments,
                "Billing:PlanMinInstalments and Billing:PlanMaxInstalments must lie within 2 to 6.")
            .Validate(options => IsKey(options.PayLinkKey) && options.PayLinkDays is >= 1 and <= 90,
                "Billing:PayLinkKey must be a Base64 key of 32 bytes or more (infra/ sets it from Key Vault), and Billing:PayLinkDays 1 to 90.")
            .Validate(options => !Currencies.IsKnown(options.Currency) || GoodFaithEstimates.IsValid(options),
                "Every Billing:FeeSchedule entry needs a Name and Lines, each with a Code and an Amount such as 160.00.")
            .ValidateOnStart();
        if (environment.IsDevelopment())
        {
            // A fixed key locally, so links printed on seeded statements keep working across restarts; never in Azure.
            services.PostConfigure<BillingOptions>(options => options.PayLinkKey = options.PayLinkKey is { Length: > 0 } key ? key : DevelopmentPayLinkKey);
        }

        services.AddSingleton<ILedger, TableLedger>();
        services.AddSingleton<IStatements, TableStatements>();
        services.AddSingleton<IOpenBalances, TableOpenBalances>();
        services.AddSingleton<IStatementRenderer, PdfStatementRenderer>();
        services.AddSingleton<IPayLinks, TablePayLinks>();
        services.AddSingleton<IClaims, TableClaims>();
        return services.AddPaymentAdapters(configuration, environment);
    }

    /// <summary>The pay-link key used in Development when none is configured.</summary>
    public const string DevelopmentPayLinkKey = "ZGV2ZWxvcG1lbnQtb25seS1wYXktbGluay1rZXktMzJi";

    private static bool IsKey(string? key)
    {
        var buffer = new byte[512];
        return key is not null && Convert.TryFromBase64String(key, buffer, out var length) && length >= 32;
    }

    /// <summary>
    /// The provider is chosen by configuration, never silently: Stripe with <c>Payments:ApiKey</c> (and its webhook
    /// secret); the development provider in Development otherwise; anywhere else the app refuses to start.
    /// </summary>
    private static IServiceCollection AddPaymentAdapters(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(PaymentsOptions.Section).Get<PaymentsOptions>() ?? new PaymentsOptions();
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            if (!options.AcceptedSecrets().Any())
            {
                throw new InvalidOperationException("Payments:WebhookSecret is not configured, so no Stripe payment could ever post. Set it (infra/ does). See docs/CONFIGURATION.md.");
            }

            services.AddSingleton(options);
            services.AddSingleton<IPaymentProvider>(_ => new StripePayments(new StripeClient(options.ApiKey, apiBase: string.IsNullOrEmpty(options.ApiBase) ? null : options.ApiBase)));
        }
        else if (environment.IsDevelopment())
        {
            options.WebhookSecret = string.IsNullOrEmpty(options.WebhookSecret) ? PaymentsOptions.DevelopmentWebhookSecret : options.WebhookSecret;
            services.AddSingleton(options);
            services.AddSingleton(provider => new DevelopmentPayments(
                provider.GetRequiredService<PortalTables>(), options, provider, configuration, provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IPaymentProvider>(provider => provider.GetRequiredService<DevelopmentPayments>());
        }
        else
        {
            throw new InvalidOperationException("Payments:ApiKey is not configured, so patients could not pay. Set it (infra/ does, from Key Vault). See docs/CONFIGURATION.md.");
        }

        return services.AddSingleton<IPaymentEvents, StripeEvents>();
    }
}
