using System.Net.Http.Headers;
using Hl7.Fhir.Rest;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Fhir;

/// <summary>
/// A third-party app's view of the portal: Firely's <see cref="FhirClient"/> pointed at <c>/api/fhir/r4</c> with a
/// bearer token. Every answer it gets is also checked against the served OpenAPI document (<see cref="ApiContract"/>).
/// </summary>
internal static class FhirApps
{
    public static async Task<FhirClient> ClientAsync(string token)
    {
        var portal = await TestPortal.GetAsync();
        var handler = new AppHandler(token) { InnerHandler = new HttpClientHandler() };
        var settings = new FhirClientSettings { PreferredFormat = ResourceFormat.Json, VerifyFhirVersion = false };
        return new FhirClient(new Uri(portal.BaseAddress, "api/fhir/r4/"), settings, handler);
    }

    private sealed class AppHandler(string token) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            await (await ApiContract.GetAsync()).CheckAsync(response);
            return response;
        }
    }
}
