using Microsoft.Extensions.DependencyInjection;
using Portal.Core.SelfCheck;

namespace Portal.Azure.SelfCheck;

/// <summary>The self-check's adapter: its reads of the chart and the schedule, and the confirmations row.</summary>
internal static class SelfCheckAdapters
{
    public static IServiceCollection AddSelfCheckAdapters(this IServiceCollection services) => services.AddSingleton<ISelfCheckRecords, TableSelfCheckRecords>();
}
