using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Record;

/// <summary>The record's calls over real HTTP, for the record's tests.</summary>
internal static class RecordApi
{
    /// <summary>A registered, activated patient with a known MRN: the id, the MRN and the patient's token.</summary>
    public static async Task<(string PatientId, string Mrn, string Token)> NewPatientAsync(PortalApi api)
    {
        var mrn = $"R-{Guid.NewGuid():N}"[..20];
        var (patientId, code, birthDate) = await api.RegisterAsync(mrn);
        var token = await api.TokenAsync(PortalApi.UniqueSubject());
        using var activated = await api.ActivateAsync(token, code, birthDate);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        return (patientId, mrn, token);
    }

    /// <summary>A token of an EHR integration (app role Records.Push).</summary>
    public static Task<string> EhrAsync(PortalApi api) => api.TokenAsync(PortalApi.UniqueSubject("ehr"), ["Records.Push"], name: "Clinic EHR");

    /// <summary>Pushes a Bundle; the status and the FHIR body.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject Body)> PushAsync(PortalApi api, string token, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/fhir/r4") { Content = new StringContent(json, Encoding.UTF8, "application/fhir+json") };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await api.SendAsync(request);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response));
    }

    /// <summary>GETs JSON that must succeed.</summary>
    public static async Task<JsonObject> GetAsync(PortalApi api, string path, string token)
    {
        using var response = await api.GetAsync(path, token);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await PortalApi.ReadJsonAsync(response);
    }

    /// <summary>The items of a section page.</summary>
    public static async Task<JsonArray> SectionAsync(PortalApi api, string patientId, string section, string token, string status = "all") =>
        (await GetAsync(api, $"api/patients/{patientId}/record/{section}?status={status}&pageSize=100", token))["items"]!.AsArray();

    /// <summary>The summary's entry for a section.</summary>
    public static JsonNode Section(JsonObject summary, string path) => summary["sections"]!.AsArray().Single(s => s!["path"]!.GetValue<string>() == path)!;

    /// <summary>Sends JSON with optional If-Match and Idempotency-Key.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject Body, string? ETag)> SendAsync(
        PortalApi api, HttpMethod method, string path, string token, JsonObject body, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", token);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await api.SendAsync(request);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response), response.Headers.ETag?.ToString());
    }
}
