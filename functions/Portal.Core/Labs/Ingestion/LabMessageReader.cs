using System.Collections.Concurrent;
using System.Text;
using Portal.Core.Labs.Fhir;
using Portal.Core.Labs.Hl7;

namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// Reads a delivered message as HL7 v2 or FHIR R4 (as declared, else by its first character), with the sending lab's
/// clock: for HL7 the lab is recognised from MSH-4 before the message is read.
/// </summary>
public sealed class LabMessageReader(LabSenders senders)
{
    private readonly ConcurrentDictionary<string, (OruR01Reader Hl7, FhirLabReportReader Fhir)> _readers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The report or refusal, and the format it was read as.</summary>
    public (LabReadResult Result, LabReportFormat Format) Read(ReadOnlySpan<byte> content, LabReportFormat? declared)
    {
        var format = declared ?? Detect(content);
        if (format == LabReportFormat.FhirR4)
        {
            return (ReadersFor(null).Fhir.Read(content), format);
        }

        return (ReadersFor(Msh4(content)).Hl7.Read(content), format);
    }

    /// <summary>FHIR when the content starts (after a byte-order mark and white space) with <c>{</c>; HL7 v2 otherwise.</summary>
    public static LabReportFormat Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var trimmed = content.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'{' ? LabReportFormat.FhirR4 : LabReportFormat.Hl7V2;
    }

    // One pair of readers per clock zone (a handful), whatever facility names arrive.
    private (OruR01Reader Hl7, FhirLabReportReader Fhir) ReadersFor(string? facility) =>
        _readers.GetOrAdd(senders.ZoneOf(facility), zone =>
        {
            var options = LabSenders.ReaderOptions(zone);
            return (new OruR01Reader(options), new FhirLabReportReader(options));
        });

    /// <summary>MSH-4's universal id, else its namespace id, read from the header line alone.</summary>
    private static string? Msh4(ReadOnlySpan<byte> content)
    {
        var end = content.IndexOfAny((byte)'\r', (byte)'\n');
        var header = end < 0 ? content : content[..end];
        if (header.Length < 8 || !header.StartsWith("MSH"u8))
        {
            return null;
        }

        var text = Encoding.Latin1.GetString(header[..Math.Min(header.Length, 512)]);
        var fields = text.Split(text[3]);
        if (fields.Length < 4)
        {
            return null;
        }

        var components = fields[3].Split(text.Length > 4 ? text[4] : '^');
        var universal = components.Length > 1 ? components[1].Trim() : "";
        return universal.Length > 0 ? universal : components[0].Trim() is { Length: > 0 } ns ? ns : null;
    }
}
