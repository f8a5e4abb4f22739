using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Portal.Benchmarks;

/// <summary>Adds the Op/s column: the figures docs/PERFORMANCE.md reports are messages per second.</summary>
internal sealed class OpsPerSecondConfig : ManualConfig
{
    public OpsPerSecondConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
}
