using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Files;
using Portal.Core.Messaging;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Messaging;

/// <summary>Files sent with secure messages: uploaded one by one, named by the message that sends them, downloaded through five-minute links.</summary>
[Description("Attachments: files sent with messages (PDF, JPEG, PNG, HEIC), uploaded first, downloaded through five-minute links.")]
public sealed class AttachmentFunctions(PortalHttp http, UploadAttachment upload, DownloadAttachment download)
{
    [Function("UploadAttachment")]
    [ApiOperation(
        "Upload a file to send with your next message (PDF, JPEG, PNG or HEIC photo, at most 10 MB).",
        Description = "The body is the file itself, its media type in `Content-Type`, its name in `fileName`. The bytes decide the type: content that is not one of the four, or not what it was sent as, is 400; more than 10 MB is 413. Name the answer's `attachmentId` in `attachments` when you start a thread or write in one (at most five per message) within a day; only you can send it, once, and an upload nobody sends is deleted after a day. For the patient, caregivers with `messages.write` and the staff who answer messages. With an Idempotency-Key a retry answers with the same upload.",
        IdempotencyKey = true)]
    [ApiQuery("fileName", typeof(string), "The file's name; used only as the name it is downloaded under.")]
    [ApiRequest(typeof(byte[]), FileTypes = ["application/pdf", "image/jpeg", "image/png", "image/heic", "image/heif"])]
    [ApiResponse(201, typeof(UploadedAttachment), Description = "Stored, waiting to be sent with a message.")]
    [ApiProblems(400, 403, 404, 409, 413)]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/attachments")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var file = await FileUploads.ReadAsync(request, AttachmentRules.MaxBytes, cancellationToken);
            if (!file.Succeeded)
            {
                return ApiResults.Problem(request, file.Failure);
            }

            var key = request.Headers["Idempotency-Key"].ToString();
            return ApiResults.From(
                request,
                await upload.ExecuteAsync(caller, patientId, file.Value, key is "" ? null : key, cancellationToken),
                stored => ApiResults.Json(UploadedAttachment.From(stored), StatusCodes.Status201Created));
        });

    [Function("DownloadAttachment")]
    [ApiOperation(
        "A five-minute download link to a file sent in a conversation.",
        Description = "For whoever may read the thread. Open `url` in the browser: it serves the file under its name, read-only, until `expiresAt`. Each link is recorded in the patient's access log.")]
    [ApiResponse(200, typeof(DownloadLink))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/threads/{threadId}/attachments/{attachmentId}")] HttpRequest request,
        string patientId,
        string threadId,
        string attachmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await download.ExecuteAsync(caller, patientId, threadId, attachmentId, cancellationToken), link => ApiResults.Json(link)));
}

/// <summary>An upload waiting to be sent with a message.</summary>
/// <param name="AttachmentId">Name it in a message's <c>attachments</c>.</param>
/// <param name="FileName">The cleaned name it will be downloaded under.</param>
/// <param name="ContentType">The type its bytes proved to be.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="ExpiresAt">Unsent after this time, it is deleted.</param>
public sealed record UploadedAttachment(string AttachmentId, string FileName, string ContentType, long Size, DateTimeOffset ExpiresAt)
{
    internal static UploadedAttachment From(Attachment upload) => new(upload.AttachmentId, upload.FileName, upload.ContentType, upload.Size, upload.ExpiresAt);
}
