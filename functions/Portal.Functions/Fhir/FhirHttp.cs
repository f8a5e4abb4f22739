using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelInfo = Hl7.Fhir.Model.ModelInfo;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;
using Resource = Hl7.Fhir.Model.Resource;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record.Fhir;
using Portal.Functions.Http;

namespace Portal.Functions.Fhir;

/// <summary>
/// The FHIR endpoints' HTTP side: <see cref="PortalHttp"/>'s authentication and error guard, answering in FHIR's
/// terms: resources as <c>application/fhir+json</c>, every failure (the guard's 401 and 500 included) as an
/// OperationOutcome with the same status.
/// </summary>
public sealed class FhirHttp(PortalHttp http)
{
    /// <summary>The media type of every answer.</summary>
    public const string MediaType = "application/fhir+json";

    private const string FhirPath = "/fhir/r4";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>Runs <paramref name="handle"/> for an authenticated caller.</summary>
    public async Task<IActionResult> AuthenticatedAsync(HttpRequest request, Func<Caller, FhirAddress, Task<IActionResult>> handle) =>
        AsOutcome(await http.AuthenticatedAsync(request, caller => handle(caller, AddressOf(request))));

    /// <summary>Runs an anonymous endpoint.</summary>
    public async Task<IActionResult> GuardedAsync(HttpRequest request, Func<FhirAddress, Task<IActionResult>> handle) =>
        AsOutcome(await http.GuardedAsync(request, () => handle(AddressOf(request))));

    /// <summary>A resource, or the OperationOutcome of the failure.</summary>
    public static IActionResult From<T>(Result<T> result)
        where T : Resource =>
        result.Succeeded ? Resource(result.Value) : Outcome(result.Failure);

    /// <summary>A resource as <c>application/fhir+json</c>.</summary>
    public static IActionResult Resource(Resource resource, int status = StatusCodes.Status200OK) => new ContentResult
    {
        StatusCode = status,
        ContentType = MediaType + "; charset=utf-8",
        Content = JsonSerializer.Serialize(resource, resource.GetType(), Json),
    };

    /// <summary>The OperationOutcome of a failure, with its status.</summary>
    public static IActionResult Outcome(Failure failure)
    {
        var (status, code) = failure.Kind switch
        {
            FailureKind.Validation => (400, OperationOutcome.IssueType.Invalid),
            FailureKind.NotFound => (404, OperationOutcome.IssueType.NotFound),
            FailureKind.Forbidden => (403, OperationOutcome.IssueType.Forbidden),
            _ => (500, OperationOutcome.IssueType.Exception),
        };
        var issues = failure.Errors is { Count: > 0 } errors
            ? errors.SelectMany(e => e.Value.Select(message => Issue(code, $"{e.Key}: {message}")))
            : [Issue(code, failure.Detail)];
        return Resource(new OperationOutcome { Issue = [.. issues] }, status);
    }

    // PortalHttp answers its own refusals (401) and crashes (500) as problems: the same status and words, as FHIR.
    private static IActionResult AsOutcome(IActionResult result)
    {
        if (result is not ContentResult { ContentType: "application/problem+json" } problem)
        {
            return result;
        }

        var body = JsonNode.Parse(problem.Content ?? "{}");
        var status = problem.StatusCode ?? 500;
        var code = status switch
        {
            401 => OperationOutcome.IssueType.Login,
            400 => OperationOutcome.IssueType.Invalid,
            _ => OperationOutcome.IssueType.Exception,
        };
        var detail = $"{body?["detail"]?.GetValue<string>()} (trace {body?["traceId"]?.GetValue<string>() ?? Activity.Current?.TraceId.ToString()})";
        return Resource(new OperationOutcome { Issue = [Issue(code, detail)] }, status);
    }

    private static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueType code, string text) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = code,
        Diagnostics = text,
    };

    // The bases as the client reached them, so links work behind any host name and the host.json route prefix.
    private static FhirAddress AddressOf(HttpRequest request)
    {
        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var path = request.Path.Value ?? "";
        var at = path.IndexOf(FhirPath, StringComparison.Ordinal);
        var api = at >= 0 ? path[..at] : "";
        return new FhirAddress(origin + api + FhirPath, origin + api);
    }
}
