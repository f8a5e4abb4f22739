using BenchmarkDotNet.Attributes;
using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Benchmarks;

/// <summary>
/// Parsing each shared HL7 v2 sample in full into the normalized <see cref="LabReport"/> (the ADT sample: read up to
/// its refusal), from bytes as they arrive on a queue and from a string as the npm peers get them. Op/s = messages/s.
/// Run: see docs/PERFORMANCE.md.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OpsPerSecondConfig))]
public class Hl7ParseBenchmarks
{
    private readonly OruR01Reader _reader = Hl7Samples.Reader();

    private byte[] _bytes = [];
    private string _text = string.Empty;

    /// <summary>Sample file name.</summary>
    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = string.Empty;

    /// <summary>The shared samples.</summary>
    public static IEnumerable<string> Samples => Hl7Samples.Names;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Hl7Samples.Bytes(Sample);
        _text = Hl7Samples.Text(Sample);
        var result = _reader.Read(_bytes);
        if (result.IsSuccess == Sample.StartsWith("adt", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Sample}: unexpected {result}");
        }
    }

    /// <summary>Bytes (UTF-8/Latin-1 detection + index + full report).</summary>
    [Benchmark(Baseline = true)]
    public LabReadResult ReadBytes() => _reader.Read(_bytes);

    /// <summary>String (index + full report), the peers' input.</summary>
    [Benchmark]
    public LabReadResult ReadString() => _reader.Read(_text);

    /// <summary>Segment and field index only (what lazy peers do before a field is read).</summary>
    [Benchmark]
    public Hl7Message? IndexOnly()
    {
        Hl7Message.TryParse(_text, out var message, out _);
        return message;
    }
}
