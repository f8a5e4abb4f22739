using System.ComponentModel;
using CapabilityStatement = Hl7.Fhir.Model.CapabilityStatement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Record.Fhir;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Fhir;

/// <summary>What FHIR apps read before they sign in: the CapabilityStatement and the SMART configuration.</summary>
public sealed class FhirDiscoveryFunctions(FhirHttp http, SmartAuthorization smart, IOptions<ClinicOptions> clinic)
{
    [Function("FhirMetadata")]
    [ApiOperation(
        "The server's CapabilityStatement.",
        Description = "FHIR 4.0.1, JSON; read and search-type on each served type with exactly its search parameters and the profiles its resources may claim; SMART-on-FHIR security.",
        Anonymous = true)]
    [ApiResponse(200, typeof(CapabilityStatement), Description = "The CapabilityStatement.", ContentType = FhirHttp.MediaType)]
    [ApiFhirOutcomes]
    public Task<IActionResult> Metadata(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fhir/r4/metadata")] HttpRequest request) =>
        http.GuardedAsync(request, address =>
            Task.FromResult(FhirHttp.Resource(CapabilityStatementResource.From(address.FhirBase, clinic.Value.Name))));

    [Function("SmartConfiguration")]
    [ApiOperation(
        "The SMART App Launch configuration.",
        Description = "Entra ID's authorize and token endpoints (from AzureAd:Instance and AzureAd:TenantId), the grants, PKCE (S256), the scopes and the SMART capabilities supported. JSON whatever the Accept header; 404 (an OperationOutcome) when no tenant is configured.",
        Anonymous = true)]
    [ApiResponse(200, typeof(SmartConfiguration), Description = "The configuration.")]
    [ApiFhirOutcomes(404)]
    public Task<IActionResult> Configuration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fhir/r4/.well-known/smart-configuration")] HttpRequest request) =>
        http.GuardedAsync(request, _ => Task.FromResult(smart.Configuration() is { } configuration
            ? ApiResults.Json(configuration)
            : FhirHttp.Outcome(new Failure(FailureKind.NotFound, "SMART authorization is not configured on this server (AzureAd:TenantId)."))));
}
