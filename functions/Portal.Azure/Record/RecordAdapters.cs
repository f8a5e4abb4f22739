using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Record;

namespace Portal.Azure.Record;

/// <summary>The Record feature's adapters: the record in the chart partition (document bytes go through the file store).</summary>
internal static class RecordAdapters
{
    public static IServiceCollection AddRecordAdapters(this IServiceCollection services) => services
        .AddSingleton<RecordTransactions>()
        .AddSingleton<IHealthRecord, TableHealthRecord>();
}
