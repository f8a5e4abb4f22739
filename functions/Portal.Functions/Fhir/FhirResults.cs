using System.Diagnostics;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Common;

namespace Portal.Functions.Fhir;

/// <summary>
/// HTTP for the FHIR endpoints (<c>/api/fhir/r4</c>): resources written as <c>application/fhir+json</c>, failures as an
/// <c>OperationOutcome</c> with one issue per field error (its FHIRPath in <c>expression</c>), bounded bodies.
/// </summary>
public static class FhirResults
{
    /// <summary>The FHIR JSON media type.</summary>
    public const string MediaType = "application/fhir+json";

    /// <summary>A resource as FHIR JSON.</summary>
    public static IActionResult Resource(Resource resource, int status = StatusCodes.Status200OK) => new ContentResult
    {
        StatusCode = status,
        ContentType = $"{MediaType}; fhirVersion=4.0",
        Content = resource.ToJson(),
    };

    /// <summary>The OperationOutcome for a failure, with the status its kind fixes.</summary>
    public static IActionResult Outcome(Failure failure)
    {
        var (status, code) = failure.Kind switch
        {
            FailureKind.Validation => (400, OperationOutcome.IssueType.Invalid),
            FailureKind.NotFound => (404, OperationOutcome.IssueType.NotFound),
            FailureKind.Forbidden => (403, OperationOutcome.IssueType.Forbidden),
            FailureKind.Conflict => (409, OperationOutcome.IssueType.Conflict),
            FailureKind.PreconditionFailed => (412, OperationOutcome.IssueType.Conflict),
            FailureKind.TooManyAttempts => (429, OperationOutcome.IssueType.Throttled),
            _ => (500, OperationOutcome.IssueType.Exception),
        };
        var outcome = new OperationOutcome { Id = Activity.Current?.TraceId.ToString() };
        foreach (var (expression, messages) in failure.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                outcome.Issue.Add(new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = code,
                    Diagnostics = message,
                    Expression = [expression],
                });
            }
        }

        if (outcome.Issue.Count == 0 || failure.Kind != FailureKind.Validation)
        {
            outcome.Issue.Insert(0, new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = failure.Detail });
        }

        return Resource(outcome, status);
    }

    /// <summary>Reads a FHIR JSON body of at most <paramref name="maxBytes"/> as UTF-8 text; a 400 failure otherwise.</summary>
    public static async Task<Result<string>> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not (MediaType or "application/json"))
        {
            return Failure.Invalid("Content-Type", $"Send the Bundle as {MediaType}.");
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return Failure.Invalid("Bundle", "The body is not UTF-8 text.");
        }
    }

    private static Failure TooLarge(int maxBytes) => Failure.Invalid("Bundle", $"The Bundle is larger than {maxBytes / (1024 * 1024)} MiB; split it.");
}
