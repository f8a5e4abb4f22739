using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Billing;

/// <summary>Registers the Billing feature's use cases (called once from <see cref="PortalCore"/>).</summary>
public static class BillingCore
{
    /// <summary>Adds the ledger, statements and payments use cases.</summary>
    public static IServiceCollection AddBilling(this IServiceCollection services)
    {
        services.AddSingleton<StatementCalendar>();
        services.AddSingleton<LedgerWrites>();
        services.AddSingleton<PostLedgerEntry>();
        services.AddSingleton<GetBilling>();
        services.AddSingleton<ListBillingActivity>();
        services.AddSingleton<StartPayment>();
        services.AddSingleton<ReceivePaymentEvent>();
        services.AddSingleton<RefundCardPayment>();
        services.AddSingleton<PayLinkTokens>();
        services.AddSingleton<CloseStatements>();
        services.AddSingleton<ReadStatements>();
        services.AddSingleton<PayWithLink>();
        services.AddSingleton<PaymentPlans>();
        services.AddSingleton<InsuranceClaims>();
        services.AddSingleton<GoodFaithEstimates>();
        return services;
    }
}
