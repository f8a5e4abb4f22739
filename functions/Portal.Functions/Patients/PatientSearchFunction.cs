using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Patients;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Patients;

/// <summary><c>GET /api/patients</c>: staff find a patient by MRN, or by the start of the family name and the date of birth.</summary>
public sealed class PatientSearchFunction(PortalHttp http, SearchPatients searchPatients)
{
    [Function("SearchPatients")]
    [ApiOperation(
        "Find patients by MRN, or by the start of the family name and the date of birth (FrontDesk, Clinician, Billing, Admin).",
        Tag = "Patients",
        Description = "Send `mrn` alone, or `name` with `birthDate`. Names match whatever the case, accents, apostrophes, hyphens and spaces: "
            + "`nunez` finds Nuñez, `obrien` finds O'Brien. At most 50 patients a page. Each patient found has the search in their access log.")]
    [ApiQuery("mrn", typeof(string), "The medical record number, exactly (any case).")]
    [ApiQuery("name", typeof(string), "The start of the family name (at least one letter, at most 100 characters); needs birthDate.")]
    [ApiQuery("birthDate", typeof(DateOnly), "The date of birth (YYYY-MM-DD); required with name.")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page of the same search.")]
    [ApiResponse(200, typeof(PatientSearchResults))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients")] HttpRequest request, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var search = new PatientSearch(Query(request, "mrn"), Query(request, "name"), Query(request, "birthDate"), Query(request, "continuationToken"));
            return ApiResults.From(
                request,
                await searchPatients.ExecuteAsync(caller, search, cancellationToken),
                page => ApiResults.Json(new PatientSearchResults(page.Items, page.ContinuationToken)));
        });

    // An empty parameter is treated as absent, as a form with an empty field sends it.
    private static string? Query(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
