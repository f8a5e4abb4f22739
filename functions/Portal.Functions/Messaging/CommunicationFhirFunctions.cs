using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Messaging.Fhir;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Messaging;

/// <summary>
/// The patient's secure messages as FHIR R4 <c>Communication</c> (read and search), on their own endpoint until the
/// FHIR API (<c>/api/fhir/r4/…</c>) serves them: the same use cases then answer its <c>Communication</c> routes.
/// </summary>
[Description("Secure messages as FHIR R4 Communication resources (application/fhir+json).")]
public sealed class CommunicationFhirFunctions(PortalHttp http, SearchCommunications search, ReadCommunication read)
{
    [Function("SearchCommunications")]
    [ApiOperation(
        "The patient's secure messages as a FHIR searchset Bundle of Communication resources.",
        Description = "One Communication per message, thread by thread (topic = the thread), oldest first in each; attachments are `contentAttachment` payloads whose `url` answers a download link. Follow the Bundle's `next` link for more. For the patient, caregivers with `messages.read` and staff (threads of the pools their role answers). Errors are OperationOutcomes (401 stays problem+json).")]
    [ApiQuery("_count", typeof(int), "Messages per page, 1 to 100 (default 50).")]
    [ApiQuery("_page", typeof(string), "Opaque; taken from the previous Bundle's `next` link.")]
    [ApiResponse(200, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "A searchset Bundle of Communication resources.")]
    [ApiResponse(400, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: a bad `_count` or `_page`.")]
    [ApiResponse(403, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: the caller may not read this patient's messages.")]
    [ApiResponse(404, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: no such patient for this caller.")]
    public Task<IActionResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/fhir/Communication")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var countText = request.Query["_count"].ToString();
            if (!int.TryParse(countText is "" ? $"{SearchCommunications.DefaultCount}" : countText, out var count))
            {
                return FhirAnswers.Outcome(Failure.Invalid("_count", "A whole number."));
            }

            var pageToken = request.Query["_page"].ToString() is { Length: > 0 } token ? token : null;
            var apiBase = FhirAnswers.ApiBase(request);
            var result = await search.ExecuteAsync(caller, patientId, count, pageToken, apiBase, cancellationToken);
            var searchUrl = $"{apiBase}/patients/{Uri.EscapeDataString(patientId)}/fhir/Communication?_count={count}";
            return FhirAnswers.From(result, page => CommunicationResources.Searchset(
                page.Items,
                $"{apiBase}/patients/{Uri.EscapeDataString(patientId)}/fhir",
                pageToken is null ? searchUrl : $"{searchUrl}&_page={Uri.EscapeDataString(pageToken)}",
                page.ContinuationToken is { } next ? $"{searchUrl}&_page={Uri.EscapeDataString(next)}" : null));
        });

    [Function("ReadCommunication")]
    [ApiOperation(
        "One secure message as a FHIR Communication resource.",
        Description = "The id is the one in the search's Bundle. For whoever may read the message's thread. Errors are OperationOutcomes (401 stays problem+json).")]
    [ApiResponse(200, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "A Communication resource.")]
    [ApiResponse(403, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: the caller may not read this message.")]
    [ApiResponse(404, typeof(JsonObject), ContentType = FhirAnswers.MediaType, Description = "An OperationOutcome: no such message (or patient) for this caller.")]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/fhir/Communication/{communicationId}")] HttpRequest request,
        string patientId,
        string communicationId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            FhirAnswers.From(await read.ExecuteAsync(caller, patientId, communicationId, FhirAnswers.ApiBase(request), cancellationToken), c => c));
}
