using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Files;
using Portal.Core.Record.Documents;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Record;

/// <summary>Documents in the record: the care team uploads them, the patient's side downloads them through a short-lived link.</summary>
[Description("The health record: documents, amendment requests and the patient's export.")]
public sealed class DocumentFunctions(PortalHttp http, UploadDocument upload, LinkDocument link)
{
    [Function("UploadDocument")]
    [ApiOperation(
        "Add a document (PDF, JPEG or PNG, at most 20 MB) to the patient's record.",
        Description = "For the care team (Clinician, Records.Push). The body is the file's bytes under its media type; what the document is goes in the query string, so a front end sends the file as it is. The type is judged by the bytes (a PDF sent as image/png is 400). The patient gets a new-document notice unless the document is confidential. With an Idempotency-Key a retry answers with the same document; the same key with another file or metadata is 409.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(byte[]), FileTypes = ["application/pdf", "image/jpeg", "image/png"])]
    [ApiQuery("title", typeof(string), "As the patient will read it, e.g. Discharge letter (at most 200 characters).", Required = true)]
    [ApiQuery("kind", typeof(string), "discharge, letter, imaging, form or other.", Required = true)]
    [ApiQuery("date", typeof(string), "The document's date (YYYY-MM-DD, or a date and time with its offset); today in the clinic's time zone when absent.")]
    [ApiQuery("visitId", typeof(string), "The visit the document belongs to (a visit's id in the record).")]
    [ApiQuery("description", typeof(string), "A line about it (at most 500 characters).")]
    [ApiQuery("confidential", typeof(bool), "Adolescent-confidential: never shown to caregivers, and no notice is sent (default false).")]
    [ApiResponse(201, typeof(UploadedDocument), Description = "Added: the document; Location is its download.", Location = true)]
    [ApiProblems(400, 403, 404, 409, 413)]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/documents")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var metadata = UploadedDocument.Metadata(request);
            if (!metadata.Succeeded)
            {
                return ApiResults.Problem(request, metadata.Failure);
            }

            var file = await FileUploads.ReadAsync(request, DocumentRules.MaxBytes, cancellationToken);
            if (!file.Succeeded)
            {
                return ApiResults.Problem(request, file.Failure);
            }

            var key = request.Headers["Idempotency-Key"].ToString();
            var result = await upload.ExecuteAsync(caller, patientId, metadata.Value, file.Value, key is "" ? null : key, cancellationToken);
            return ApiResults.From(request, result, item =>
            {
                var document = UploadedDocument.From(item);
                request.HttpContext.Response.Headers.Location = document.ContentUrl;
                return ApiResults.Json(document, StatusCodes.Status201Created);
            });
        });

    [Function("LinkDocument")]
    [ApiOperation(
        "A five-minute, read-only download link to a document.",
        Description = "For the patient, caregivers with `records.read` (never for a confidential document: 404), and staff whose role reads records. Each link issued is audited as a read of the record. Open the URL directly: it needs no token.")]
    [ApiResponse(200, typeof(DownloadLink))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Link(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/documents/{documentId}/content")] HttpRequest request,
        string patientId,
        string documentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await link.ExecuteAsync(caller, patientId, documentId, cancellationToken), found => ApiResults.Json(found)));
}
