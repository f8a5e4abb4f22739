using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Azure.Labs;
using Portal.Core.Common;
using Portal.Core.Labs;
using Portal.Core.Labs.Ingestion;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Labs;

/// <summary>
/// The three ways lab results come in, all through <see cref="IngestLabMessage"/>: HTTPS (role <c>Lab.Push</c>), the
/// <c>lab-results</c> Storage queue, and the optional Service Bus queue <c>lab-results</c> drained by a timer.
/// </summary>
[Description("Lab results in: HL7 v2 ORU^R01 or FHIR R4 lab Bundles pushed over HTTPS, a Storage queue or Service Bus.")]
public sealed class LabIngestFunctions(PortalHttp http, IngestLabMessage ingest, ReceiveQueuedLabMessage queued, ServiceBusLabDrain drain, TimeProvider clock)
{
    /// <summary>Messages one drain run takes at most.</summary>
    public const int DrainMaxMessages = 200;

    /// <summary>How long one drain run may take (the timer runs every minute; the app's timeout is far longer).</summary>
    public static readonly TimeSpan DrainBudget = TimeSpan.FromSeconds(50);

    [Function("PushLabResults")]
    [ApiOperation(
        "Push a lab message: HL7 v2 ORU^R01 or a FHIR R4 Bundle with DiagnosticReports.",
        Description = "For lab systems with the app role `Lab.Push` (they push, they never read). HL7 v2 (`x-application/hl7-v2+er7`, `application/hl7-v2`, `text/plain`) answers 200 with an HL7 ACK in the request's media type: MSA-1 `AA` (stored, or stored before: a redelivery changes nothing), `AE`/`AR` with an ERR segment naming the reason; MSA-2 is the message's MSH-10. FHIR (`application/fhir+json`) answers 201 with an OperationOutcome, or 400/422 with the issues. Results for patients not matched with confidence (MRN + birth date + family name) wait in the unmatched work queue. Idempotent by sending lab + MSH-10 (FHIR: Bundle.identifier, else the DiagnosticReport identifiers).")]
    [ApiRequest(typeof(string), ContentType = "x-application/hl7-v2+er7")]
    [ApiResponse(200, typeof(string), ContentType = "x-application/hl7-v2+er7", Description = "HL7 v2: the ACK (AA, AE or AR), in the request's media type.")]
    [ApiResponse(200, typeof(string), ContentType = "application/hl7-v2")]
    [ApiResponse(200, typeof(string), ContentType = "application/hl7-v2+er7")]
    [ApiResponse(200, typeof(string), ContentType = "text/plain")]
    [ApiResponse(201, typeof(LabOperationOutcome), ContentType = "application/fhir+json", Description = "FHIR: stored (or stored before).")]
    [ApiResponse(400, typeof(LabOperationOutcome), ContentType = "application/fhir+json", Description = "FHIR: not FHIR R4 JSON.")]
    [ApiResponse(422, typeof(LabOperationOutcome), ContentType = "application/fhir+json", Description = "FHIR: no lab report, no patient or no observation.")]
    [ApiProblems(403, 413, 415)]
    public Task<IActionResult> Push(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "labs/results")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var body = await LabPushBody.ReadAsync(request, cancellationToken);
            if (!body.Succeeded)
            {
                return body.Failure.Errors!.ContainsKey("Content-Type")
                    ? ApiResults.Problem(request, 415, "Unsupported media type", body.Failure.Errors["Content-Type"][0], ProblemTypes.NameOf(FailureKind.Validation))
                    : ApiResults.Problem(request, 413, "Too large", body.Failure.Errors["body"][0], ProblemTypes.NameOf(FailureKind.Validation));
            }

            var (content, format) = body.Value;
            var result = await ingest.PushAsync(new LabDelivery(content, format, "https", caller), cancellationToken);
            if (!result.Succeeded)
            {
                return ApiResults.Problem(request, result.Failure);
            }

            if (format == LabReportFormat.Hl7V2)
            {
                return new ContentResult
                {
                    StatusCode = StatusCodes.Status200OK,
                    ContentType = $"{LabPushBody.MediaType(request)}; charset=utf-8",
                    Content = LabAcks.For(content, result.Value, clock.GetUtcNow()),
                };
            }

            return new ContentResult
            {
                StatusCode = LabOperationOutcome.StatusOf(result.Value),
                ContentType = "application/fhir+json",
                Content = System.Text.Json.JsonSerializer.Serialize(LabOperationOutcome.From(result.Value), PortalJson.Options),
            };
        });

    [Function("ReceiveLabResults")]
    public Task Receive([QueueTrigger("lab-results", Connection = "PortalStorage")] string message, CancellationToken cancellationToken) =>
        queued.ExecuteAsync(message, cancellationToken);

    [Function("DrainLabServiceBus")]
    public Task Drain([TimerTrigger("30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        drain.DrainAsync(DrainMaxMessages, DrainBudget, cancellationToken);
}
