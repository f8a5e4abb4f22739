using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Scheduling.Setup;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Scheduling;

/// <summary>The clinic's scheduling setup under <c>/api/clinic/…</c>: read by anyone signed in, changed by Admin and FrontDesk with ETags.</summary>
[Description("The clinic's scheduling setup: providers, locations, visit types, weekly availability and its exceptions, in the clinic's time zone.")]
public sealed class ClinicSetupFunctions(PortalHttp http, SetupChanges changes, IOptions<ClinicOptions> clinic)
{
    private const string SaveDescription =
        "Admin and FrontDesk. Without If-Match it creates the item (409 if another was created meanwhile; 428 if it exists); with If-Match it replaces it (412 when stale). The body's id must be the path's. A change never removes a booked appointment: `conflicts` lists those it leaves outside the provider's availability.";

    [Function("GetClinicSetup")]
    [ApiOperation("The clinic's scheduling setup, every item with its ETag.", Description = "For anyone signed in: patients choose visit types, providers and locations from it. It holds no patient data.")]
    [ApiResponse(200, typeof(ClinicSetupDocument))]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clinic/setup")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async _ =>
            ApiResults.Json(ClinicSetupDocument.From(clinic.Value.TimeZone, await changes.ReadAsync(cancellationToken))));

    [Function("SaveProvider")]
    [ApiOperation("Create or replace a provider.", Description = SaveDescription)]
    [ApiRequest(typeof(Provider))]
    [ApiResponse(200, typeof(SetupChange), ETag = true)]
    [ApiResponse(201, typeof(SetupChange), ETag = true)]
    [ApiProblems(400, 403, 409, 412, 428)]
    public Task<IActionResult> SaveProvider(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clinic/providers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        SaveAsync<Provider>(request, id, cancellationToken);

    [Function("SaveLocation")]
    [ApiOperation("Create or replace a location.", Description = SaveDescription)]
    [ApiRequest(typeof(Location))]
    [ApiResponse(200, typeof(SetupChange), ETag = true)]
    [ApiResponse(201, typeof(SetupChange), ETag = true)]
    [ApiProblems(400, 403, 409, 412, 428)]
    public Task<IActionResult> SaveLocation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clinic/locations/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        SaveAsync<Location>(request, id, cancellationToken);

    [Function("SaveVisitType")]
    [ApiOperation("Create or replace a visit type.", Description = SaveDescription)]
    [ApiRequest(typeof(VisitType))]
    [ApiResponse(200, typeof(SetupChange), ETag = true)]
    [ApiResponse(201, typeof(SetupChange), ETag = true)]
    [ApiProblems(400, 403, 409, 412, 428)]
    public Task<IActionResult> SaveVisitType(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clinic/visit-types/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        SaveAsync<VisitType>(request, id, cancellationToken);

    [Function("SaveTemplate")]
    [ApiOperation("Create or replace a weekly availability template.", Description = SaveDescription + " Times are wall-clock times in the clinic's zone.")]
    [ApiRequest(typeof(AvailabilityTemplate))]
    [ApiResponse(200, typeof(SetupChange), ETag = true)]
    [ApiResponse(201, typeof(SetupChange), ETag = true)]
    [ApiProblems(400, 403, 409, 412, 428)]
    public Task<IActionResult> SaveTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clinic/templates/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        SaveAsync<AvailabilityTemplate>(request, id, cancellationToken);

    [Function("SaveException")]
    [ApiOperation("Create or replace time off or an extra session.", Description = SaveDescription + " Times are wall-clock times in the clinic's zone.")]
    [ApiRequest(typeof(AvailabilityException))]
    [ApiResponse(200, typeof(SetupChange), ETag = true)]
    [ApiResponse(201, typeof(SetupChange), ETag = true)]
    [ApiProblems(400, 403, 409, 412, 428)]
    public Task<IActionResult> SaveException(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clinic/exceptions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        SaveAsync<AvailabilityException>(request, id, cancellationToken);

    [Function("DeleteTemplate")]
    [ApiOperation("Delete a weekly availability template.", Description = "Admin and FrontDesk, with If-Match. Booked appointments stay; `conflicts` lists those now outside availability.", IfMatch = true)]
    [ApiResponse(200, typeof(SetupChange))]
    [ApiProblems(403, 404, 412, 428)]
    public Task<IActionResult> DeleteTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clinic/templates/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        DeleteAsync(request, SetupKind.Template, id, cancellationToken);

    [Function("DeleteException")]
    [ApiOperation("Delete time off or an extra session.", Description = "Admin and FrontDesk, with If-Match. Booked appointments stay; `conflicts` lists those now outside availability.", IfMatch = true)]
    [ApiResponse(200, typeof(SetupChange))]
    [ApiProblems(403, 404, 412, 428)]
    public Task<IActionResult> DeleteException(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "clinic/exceptions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        DeleteAsync(request, SetupKind.Exception, id, cancellationToken);

    private Task<IActionResult> SaveAsync<T>(HttpRequest request, string id, CancellationToken cancellationToken)
        where T : ISetupItem =>
        http.AuthenticatedAsync<T>(request, cancellationToken, async (caller, item) =>
            Answer(request, await changes.SaveAsync(caller, item, id, IfMatch(request), cancellationToken)));

    private Task<IActionResult> DeleteAsync(HttpRequest request, SetupKind kind, string id, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await changes.DeleteAsync(caller, kind, id, IfMatch(request), cancellationToken), saved => ApiResults.Json(SetupChange.From(saved))));

    private static IActionResult Answer(HttpRequest request, Result<SetupSaved> result) =>
        ApiResults.From(request, result, saved =>
        {
            request.HttpContext.Response.Headers.ETag = saved.Item.ETag;
            return ApiResults.Json(SetupChange.From(saved), saved.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    private static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.ToString() is { Length: > 0 } value ? value : null;
}
