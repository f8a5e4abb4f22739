using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Common;

namespace Portal.Functions.Messaging;

/// <summary>
/// FHIR answers of the messaging FHIR endpoints: resources as <c>application/fhir+json</c>, failures as an
/// <c>OperationOutcome</c> with the status the failure's kind fixes (authentication failures stay problem+json,
/// as everywhere). To merge into the FHIR API's own helper when that lands.
/// </summary>
internal static class FhirAnswers
{
    public const string MediaType = "application/fhir+json";

    /// <summary>The API's absolute base (<c>https://host/api</c>), taken from the request up to <c>/patients/</c>.</summary>
    public static string ApiBase(HttpRequest request)
    {
        var path = request.PathBase.Add(request.Path).Value ?? "";
        var at = path.IndexOf("/patients/", StringComparison.Ordinal);
        return $"{request.Scheme}://{request.Host}{(at >= 0 ? path[..at] : "")}";
    }

    public static IActionResult From<T>(Result<T> result, Func<T, Resource> resource) =>
        result.Succeeded ? Resource(resource(result.Value), StatusCodes.Status200OK) : Outcome(result.Failure);

    public static IActionResult Resource(Resource resource, int status) =>
        new ContentResult { StatusCode = status, ContentType = MediaType, Content = resource.ToJson() };

    public static IActionResult Outcome(Failure failure)
    {
        var (status, code) = failure.Kind switch
        {
            FailureKind.Validation => (StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid),
            FailureKind.NotFound => (StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound),
            FailureKind.Forbidden => (StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden),
            _ => (StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception),
        };
        var outcome = new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = code,
                Diagnostics = failure.Detail,
                Expression = [.. failure.Errors?.Keys ?? []],
            }],
        };
        if (failure.Errors is { } errors)
        {
            outcome.Issue[0].Diagnostics += " " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        }

        return Resource(outcome, status);
    }
}
