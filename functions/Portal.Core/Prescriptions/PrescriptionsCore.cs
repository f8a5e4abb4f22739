using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Prescriptions;

/// <summary>Registers the Prescriptions feature's use cases (called once from <see cref="PortalCore"/>).</summary>
public static class PrescriptionsCore
{
    /// <summary>Adds them.</summary>
    public static IServiceCollection AddPrescriptionsCore(this IServiceCollection services) => services
        .AddSingleton<RefillCalendar>()
        .AddSingleton<ListMedications>()
        .AddSingleton<ListPharmacies>()
        .AddSingleton<RequestRefill>()
        .AddSingleton<ListRefillRequests>()
        .AddSingleton<ReadRefillRequest>()
        .AddSingleton<RefillWrites>()
        .AddSingleton<CancelRefillRequest>()
        .AddSingleton<DecideRefill>()
        .AddSingleton<DecideRefillBatch>()
        .AddSingleton<RefillQueue>()
        .AddSingleton<ReportItem>()
        .AddSingleton<ReportedItemWrites>()
        .AddSingleton<StopReportedItem>()
        .AddSingleton<ListReportedItems>()
        .AddSingleton<ReconcileReportedItem>()
        .AddSingleton<ReconciliationQueue>()
        .AddSingleton<SweepRefillsDue>();
}
