using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Journal;

/// <summary>Calls on the journal and self-check endpoints, answering status, body and ETag.</summary>
internal static class JournalCalls
{
    public static async Task<(HttpStatusCode Status, JsonObject Body, string? ETag)> SendAsync(
        PortalApi api, HttpMethod method, string path, string token, object? body = null, string? ifMatch = null, string? key = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : [];
        return (response.StatusCode, json, response.Headers.ETag?.ToString());
    }

    public static Task<(HttpStatusCode Status, JsonObject Body, string? ETag)> PostAsync(PortalApi api, string path, string token, object? body, string? key = null) =>
        SendAsync(api, HttpMethod.Post, path, token, body, key: key);

    public static async Task<JsonObject> GetAsync(PortalApi api, string path, string token)
    {
        var (status, body, _) = await SendAsync(api, HttpMethod.Get, path, token);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {status} {body.ToJsonString()}");
        return body;
    }

    /// <summary>Today in the test portal's clinic zone (shares name clinic days).</summary>
    public static async Task<DateOnly> ClinicTodayAsync()
    {
        var zone = (await TestPortal.GetAsync()).Services.GetRequiredService<IOptions<ClinicOptions>>().Value.TimeZone;
        return ClinicClock.DateOf(TimeZoneInfo.FindSystemTimeZoneById(zone), DateTimeOffset.UtcNow);
    }

    /// <summary>A blood pressure taken <paramref name="at"/>.</summary>
    public static object Pressure(DateTimeOffset at, int systolic = 128, int diastolic = 82, string[]? tags = null) =>
        new { kind = "measurement", at, measurement = new { type = "bloodPressure", systolic, diastolic, pulse = 70 }, tags = tags ?? ["morning"] };

    public static object Symptom(DateTimeOffset at, string what = "Headache", int severity = 4) =>
        new { kind = "symptom", at, symptom = new { what, severity, durationMinutes = 90 }, text = "After a long day at the screen." };

    public static string Id(JsonObject entry) => entry["entryId"]!.GetValue<string>();

    public static IReadOnlyList<string> Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!["entryId"]!.GetValue<string>())];
}
