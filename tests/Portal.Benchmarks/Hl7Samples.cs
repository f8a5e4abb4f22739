using System.Reflection;
using System.Text;
using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Benchmarks;

/// <summary>The shared HL7 v2 samples (tests/Portal.Tests/TestData/hl7), embedded in this assembly.</summary>
internal static class Hl7Samples
{
    public static IReadOnlyList<string> Names { get; } = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.StartsWith("hl7/", StringComparison.Ordinal))
        .Select(n => n["hl7/".Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static byte[] Bytes(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("hl7/" + name)
            ?? throw new InvalidOperationException($"No embedded sample {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The reader as benchmarked: a sender in America/Denver, so times without an offset pay for the zone conversion.</summary>
    public static OruR01Reader Reader() => new(new LabReaderOptions { SenderTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Denver") });

    public static string Text(string name) => Encoding.Latin1.GetString(Bytes(name));
}
