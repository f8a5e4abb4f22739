using BenchmarkDotNet.Attributes;
using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Benchmarks;

/// <summary>
/// The whole shared set per operation, as the peers' script measures it: Op/s here is messages/s over the set
/// (OperationsPerInvoke = number of messages). "OruOnly" leaves out the ADT sample, which is refused after MSH.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OpsPerSecondConfig))]
public class Hl7AllSamplesBenchmarks
{
    private const int AllCount = 6;
    private const int OruCount = 5;

    private readonly OruR01Reader _reader = Hl7Samples.Reader();

    private string[] _all = [];
    private string[] _oru = [];

    [GlobalSetup]
    public void Setup()
    {
        _all = Hl7Samples.Names.Select(Hl7Samples.Text).ToArray();
        _oru = Hl7Samples.Names.Where(n => !n.StartsWith("adt", StringComparison.Ordinal)).Select(Hl7Samples.Text).ToArray();
        if (_all.Length != AllCount || _oru.Length != OruCount)
        {
            throw new InvalidOperationException($"Expected {AllCount} samples, found {_all.Length}.");
        }
    }

    /// <summary>All six samples, full report (or refusal for ADT) each.</summary>
    [Benchmark(OperationsPerInvoke = AllCount)]
    public int AllSamples()
    {
        var orders = 0;
        foreach (var text in _all)
        {
            var result = _reader.Read(text);
            orders += result.IsSuccess ? result.Report.Orders.Count : 0;
        }

        return orders;
    }

    /// <summary>The five ORU^R01 samples, full report each.</summary>
    [Benchmark(OperationsPerInvoke = OruCount)]
    public int OruOnly()
    {
        var orders = 0;
        foreach (var text in _oru)
        {
            orders += _reader.Read(text).Report!.Orders.Count;
        }

        return orders;
    }
}
