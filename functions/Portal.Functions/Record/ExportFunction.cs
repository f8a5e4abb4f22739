using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Record.Export;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Record;

/// <summary><c>POST /api/patients/{id}/record/export</c>: the whole record to take away.</summary>
[Description("The health record: documents, amendment requests and the patient's export.")]
public sealed class ExportFunction(PortalHttp http, ExportRecord export)
{
    [Function("ExportRecord")]
    [ApiOperation(
        "Export the whole record: a FHIR R4 Bundle and a printable PDF summary.",
        Description = "For the patient, caregivers with `records.read` (without confidential items) and clinicians. Needs a multi-factor sign-in: without it the answer is 401 with a claims challenge in WWW-Authenticate. The Bundle (type collection, like Patient/$everything) and the summary (allergies, active medications, problems, immunizations, recent vital signs, last visits) are written to storage; the answer holds a five-minute download link to each.",
        NoRequestBody = true)]
    [ApiResponse(200, typeof(RecordExport))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/record/export")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var fhirBase = new Uri($"{request.Scheme}://{request.Host}/api/fhir/r4/");
            return ApiResults.From(request, await export.ExecuteAsync(caller, patientId, fhirBase, cancellationToken), exported => ApiResults.Json(exported));
        });
}
