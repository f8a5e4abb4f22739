using System.Buffers.Text;
using System.Text;

namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// Storage-queue message bodies as senders produce them: the Azure SDK sends text as is by default and base64 when
/// asked (the Functions default), so both are accepted. Base64 never contains <c>|</c> or <c>{</c>, so an HL7 or FHIR
/// text is never mistaken for it; a body that decodes must also look like HL7 (<c>MSH</c>) or JSON (<c>{</c>).
/// </summary>
public static class LabQueueMessages
{
    /// <summary>The message bytes: base64-decoded when the body is base64 of a lab message, else the text as UTF-8.</summary>
    public static byte[] Decode(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.Length >= 4 && Base64.IsValid(trimmed))
        {
            var decoded = Convert.FromBase64String(trimmed);
            var start = decoded.AsSpan();
            if (start.StartsWith("\uFEFF"u8))
            {
                start = start[3..];
            }

            start = start.TrimStart(" \t\r\n"u8);
            if (start.StartsWith("MSH"u8) || (start.Length > 0 && start[0] == (byte)'{'))
            {
                return decoded;
            }
        }

        return Encoding.UTF8.GetBytes(body);
    }
}
