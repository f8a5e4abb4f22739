using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Caregivers;
using Portal.Core.Files;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Caregivers;

/// <summary>Requests for caregiver access to someone who cannot invite, with documents, reviewed by the clinic.</summary>
[Description("Requests for caregiver access to a child or an adult who cannot invite, with supporting documents; the front desk and administrators review them.")]
public sealed class ProxyRequestFunctions(
    PortalHttp http, RequestProxyAccess file, AddRequestDocument addDocument, ReadProxyRequest read, ListProxyRequests list, DecideProxyRequest decide)
{
    [Function("FileProxyRequest")]
    [ApiOperation(
        "Ask for caregiver access to someone who cannot invite you.",
        Description = "Anyone signed in: a parent or guardian of a child (`minor`), or someone with power of attorney or guardianship of an adult (`incapacity`). Add the documents next (POST …/documents). The front desk or an administrator reviews it. With an Idempotency-Key a retry answers with the same request.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewProxyRequest))]
    [ApiResponse(201, typeof(ProxyRequest), Description = "Filed.", Location = true)]
    [ApiProblems(400, 409)]
    public Task<IActionResult> File(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "proxy-requests")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewProxyRequest>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await file.ExecuteAsync(caller, body, PortalHttp.IdempotencyKeyOf(request), cancellationToken), filed =>
            {
                request.HttpContext.Response.Headers.Location = $"/api/proxy-requests/{filed.RequestId}";
                return ApiResults.Json(filed, StatusCodes.Status201Created);
            }));

    [Function("AddProxyRequestDocument")]
    [ApiOperation(
        "Add a supporting document to your request (PDF, JPEG, PNG or HEIC, at most 10 MB).",
        Description = "The body is the file itself, its media type in `Content-Type`. `kind`: power-of-attorney, guardianship, birth-certificate or other. Only the requester, while the request is pending; at most 10 documents. The bytes decide the type.")]
    [ApiQuery("kind", typeof(string), "power-of-attorney, guardianship, birth-certificate or other.", Required = true)]
    [ApiQuery("fileName", typeof(string), "The file's name; used only as the name it is downloaded under.")]
    [ApiRequest(typeof(byte[]), FileTypes = ["application/pdf", "image/jpeg", "image/png", "image/heic", "image/heif"])]
    [ApiResponse(201, typeof(RequestDocument), Description = "Added.")]
    [ApiProblems(400, 403, 404, 409, 413)]
    public Task<IActionResult> AddDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "proxy-requests/{requestId}/documents")] HttpRequest request,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var upload = await FileUploads.ReadAsync(request, ProxyRequestRules.MaxDocumentBytes, cancellationToken);
            if (!upload.Succeeded)
            {
                return ApiResults.Problem(request, upload.Failure);
            }

            return ApiResults.From(
                request,
                await addDocument.ExecuteAsync(caller, requestId, request.Query["kind"].ToString() is { Length: > 0 } kind ? kind : null, upload.Value!, cancellationToken),
                document => ApiResults.Json(document, StatusCodes.Status201Created));
        });

    [Function("ReadProxyRequest")]
    [ApiOperation("One request for caregiver access, with its documents and decision.", Description = "For the requester and the reviewers (front desk, administrators); 404 for anyone else.")]
    [ApiResponse(200, typeof(ProxyRequest))]
    [ApiProblems(404)]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "proxy-requests/{requestId}")] HttpRequest request,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await read.ExecuteAsync(caller, requestId, cancellationToken), found => ApiResults.Json(found)));

    [Function("DownloadProxyRequestDocument")]
    [ApiOperation("A five-minute download link to a request's document.", Description = "For the requester and the reviewers; each link is recorded in the request's audit trail.")]
    [ApiResponse(200, typeof(DownloadLink))]
    [ApiProblems(404)]
    public Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "proxy-requests/{requestId}/documents/{documentId}")] HttpRequest request,
        string requestId,
        string documentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await read.DocumentAsync(caller, requestId, documentId, cancellationToken), link => ApiResults.Json(link)));

    [Function("ListProxyRequests")]
    [ApiOperation("The open requests for caregiver access, oldest first.", Description = "For the front desk and administrators.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(ProxyRequestPage))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "proxy-requests")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var page = PageRequest.From(request);
            if (!page.Succeeded)
            {
                return ApiResults.Problem(request, page.Failure);
            }

            return ApiResults.From(
                request,
                await list.ExecuteAsync(caller, page.Value!.PageSize, page.Value.ContinuationToken, cancellationToken),
                found => ApiResults.Json(new ProxyRequestPage(found.Items, found.ContinuationToken)));
        });

    [Function("DecideProxyRequest")]
    [ApiOperation(
        "Approve a request (matched to a patient, with scopes and a last day) or deny it with a reason.",
        Description = "The front desk and administrators, with a multi-factor sign-in. Approving writes the grant (the patient and the requester are told); the decision and the documents are kept and audited. Sending the same decision again finishes it; another one is 409.")]
    [ApiRequest(typeof(ProxyRequestReview))]
    [ApiResponse(200, typeof(ProxyRequest), Description = "Decided.")]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "proxy-requests/{requestId}/decision")] HttpRequest request,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ProxyRequestReview>(request, cancellationToken, async (caller, review) =>
            ApiResults.From(request, await decide.ExecuteAsync(caller, requestId, review, cancellationToken), decided => ApiResults.Json(decided)));
}
