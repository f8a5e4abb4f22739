using Microsoft.AspNetCore.Http;
using Portal.Core.Common;
using Portal.Core.Labs;

namespace Portal.Functions.Labs;

/// <summary>A lab's pushed message: its bytes (at most 1 MiB) and the format its Content-Type declares.</summary>
public static class LabPushBody
{
    /// <summary>The HL7 v2 media types accepted (INTEGRATION-FACTS §7: the spec's, its example's, and plain text).</summary>
    public static readonly IReadOnlyList<string> Hl7MediaTypes = ["x-application/hl7-v2+er7", "application/hl7-v2", "application/hl7-v2+er7", "text/plain"];

    /// <summary>The FHIR media types accepted.</summary>
    public static readonly IReadOnlyList<string> FhirMediaTypes = ["application/fhir+json", "application/json"];

    /// <summary>The request's media type without parameters, lower-cased.</summary>
    public static string? MediaType(HttpRequest request) => request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The body and its format; 400 for an unknown media type or a body over the limit.</summary>
    public static async Task<Result<(byte[] Content, LabReportFormat Format)>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = MediaType(request);
        LabReportFormat? format = mediaType is null ? null
            : Hl7MediaTypes.Contains(mediaType) ? LabReportFormat.Hl7V2
            : FhirMediaTypes.Contains(mediaType) ? LabReportFormat.FhirR4
            : null;
        if (format is null)
        {
            return Failure.Invalid("Content-Type", $"Send HL7 v2 as {Hl7MediaTypes[0]} or FHIR R4 as {FhirMediaTypes[0]}.");
        }

        var limit = LabReaderOptions.DefaultMaxMessageBytes;
        if (request.ContentLength > limit)
        {
            return Failure.Invalid("body", $"The message is larger than {limit / 1024} KiB.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return Failure.Invalid("body", $"The message is larger than {limit / 1024} KiB.");
            }
        }

        return (buffer.ToArray(), format.Value);
    }
}
