using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Common;

namespace Portal.Functions.Http;

/// <summary>Maps use-case outcomes to HTTP: JSON bodies, ETags, and RFC 9457 problem details.</summary>
public static class ApiResults
{
    /// <summary>The claims challenge that asks Entra for an MFA sign-in (step-up).</summary>
    private static readonly string MfaClaims =
        Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"access_token":{"amr":{"essential":true,"values":["mfa"]}}}"""));

    /// <summary>A JSON body with the API's serializer rules.</summary>
    public static IActionResult Json(object value, int status = StatusCodes.Status200OK) =>
        new JsonResult(value, PortalJson.Options) { StatusCode = status };

    /// <summary>Maps a result: its value through <paramref name="onSuccess"/>, its failure to a problem.</summary>
    public static IActionResult From<T>(HttpRequest request, Result<T> result, Func<T, IActionResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value) : Problem(request, result.Failure);

    /// <summary>A versioned value: the body, and its version in the <c>ETag</c> header.</summary>
    public static IActionResult Versioned<T>(HttpRequest request, Result<Versioned<T>> result, Func<T, object> body) =>
        From(request, result, versioned =>
        {
            request.HttpContext.Response.Headers.ETag = versioned.ETag;
            return Json(body(versioned.Value));
        });

    /// <summary>The problem+json answer for a failure.</summary>
    public static IActionResult Problem(HttpRequest request, Failure failure)
    {
        var (status, title) = failure.Kind switch
        {
            FailureKind.Validation => (400, "Invalid request"),
            FailureKind.NotFound => (404, "Not found"),
            FailureKind.Forbidden => (403, "Forbidden"),
            FailureKind.Conflict => (409, "Conflict"),
            FailureKind.PreconditionFailed => (412, "Stale version"),
            FailureKind.PreconditionRequired => (428, "If-Match required"),
            FailureKind.StepUpRequired => (401, "Multi-factor sign-in required"),
            FailureKind.TooManyAttempts => (429, "Too many attempts"),
            FailureKind.Gone => (410, "Gone"),
            FailureKind.TooLarge => (413, "Too large"),
            _ => (500, "Error"),
        };
        if (failure.Kind == FailureKind.StepUpRequired)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate =
                $"Bearer error=\"insufficient_claims\", error_description=\"Multi-factor authentication is required\", claims=\"{MfaClaims}\"";
        }

        return Problem(request, status, title, failure.Detail, ProblemTypes.NameOf(failure.Kind), failure.Errors);
    }

    /// <summary>A problem+json answer with a trace id and, for bad input, the field errors.</summary>
    /// <param name="type">The problem name (<see cref="ProblemTypes"/>); the body carries it as a URN.</param>
    public static IActionResult Problem(
        HttpRequest request, int status, string title, string detail, string type, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? request.HttpContext.TraceIdentifier;
        var problem = new Problem(ProblemTypes.Urn(type), title, status, detail, request.Path.Value, traceId, errors);
        return new ContentResult
        {
            StatusCode = status,
            ContentType = "application/problem+json",
            Content = JsonSerializer.Serialize(problem, PortalJson.Options),
        };
    }
}
