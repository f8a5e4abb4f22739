using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Billing;
using Portal.Core.Clinic;

namespace Portal.Azure.Billing;

/// <summary>The Billing feature's adapters: the ledger and statements in tables and blobs, and the clinic's billing rules.</summary>
internal static class BillingAdapters
{
    public static IServiceCollection AddBillingAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.Section))
            .Validate(options => Currencies.IsKnown(options.Currency), "Billing:Currency must be one of USD, CAD, EUR, GBP, AUD, MXN, JPY.")
            .Validate(options => Money.Parse(options.MinimumPayment, Currencies.IsKnown(options.Currency) ? options.Currency : "USD").Succeeded,
                "Billing:MinimumPayment must be an amount such as 5.00.")
            .Validate(options => options.StatementDay is >= 1 and <= 28 && options.StatementHour is >= 0 and <= 23 && options.StatementDueDays is >= 1 and <= 90,
                "Billing:StatementDay must be 1 to 28, Billing:StatementHour 0 to 23 and Billing:StatementDueDays 1 to 90.")
            .Validate(options => options.PlanMinInstalments >= 2 && options.PlanMaxInstalments <= 6 && options.PlanMinInstalments <= options.PlanMaxInstalments,
                "Billing:PlanMinInstalments and Billing:PlanMaxInstalments must lie within 2 to 6.")
            .ValidateOnStart();
        services.AddSingleton<ILedger, TableLedger>();
        services.AddSingleton<IStatements, TableStatements>();
        return services;
    }
}
