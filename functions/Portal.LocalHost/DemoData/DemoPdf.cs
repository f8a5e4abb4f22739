using System.Globalization;
using System.Text;

namespace Portal.LocalHost.DemoData;

/// <summary>Writes a one-page PDF with a few lines of text (Helvetica), so demo attachments open in any viewer.</summary>
internal static class DemoPdf
{
    public static byte[] Page(string title, IReadOnlyList<string> lines)
    {
        var text = new StringBuilder("BT /F1 16 Tf 72 740 Td (").Append(Escape(title)).Append(") Tj /F1 11 Tf");
        foreach (var line in lines)
        {
            text.Append(" 0 -22 Td (").Append(Escape(line)).Append(") Tj");
        }

        text.Append(" ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(text.ToString())} >>\nstream\n{text}\nendstream",
        ];

        // The cross-reference table needs each object's byte offset: build the file in ASCII and count as we go.
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    // PDF literal strings: backslash and parentheses escaped; anything outside ASCII replaced (the demo texts are ASCII).
    private static string Escape(string value) =>
        new string([.. value.Select(c => c is >= ' ' and <= '~' ? c : '?')]).Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
}
