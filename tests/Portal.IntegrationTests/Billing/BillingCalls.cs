using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Billing;

/// <summary>The billing calls the stories make, over real HTTP.</summary>
internal static class BillingCalls
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(PortalApi api, HttpMethod method, string path, string? token, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : []);
    }

    /// <summary>Billing staff post an entry; returns the status and the entry (or problem).</summary>
    public static Task<(HttpStatusCode Status, JsonObject Body)> PostEntryAsync(PortalApi api, string patientId, string token, object entry, string? idempotencyKey = null) =>
        SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/billing/entries", token, entry, idempotencyKey);

    /// <summary>A charge as the billing office posts one.</summary>
    public static object Charge(string amount, string code = "99213", string description = "Office visit, established patient", string? visitId = null) =>
        new { kind = "charge", amount, code, description, serviceDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), visitId, reason = "Visit coded by Dr. Chen" };

    public static async Task<JsonObject> GetAsync(PortalApi api, string path, string token)
    {
        var (status, body) = await SendAsync(api, HttpMethod.Get, path, token);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {status} {body.ToJsonString()}");
        return body;
    }

    /// <summary>Every entry of the ledger, following the pages.</summary>
    public static async Task<List<JsonNode>> ActivityAsync(PortalApi api, string patientId, string token)
    {
        var entries = new List<JsonNode>();
        string? next = null;
        do
        {
            var page = await GetAsync(api, $"api/patients/{patientId}/billing/activity?pageSize=7{(next is null ? "" : "&continuationToken=" + Uri.EscapeDataString(next))}", token);
            entries.AddRange(page["items"]!.AsArray().Select(e => e!));
            next = page["continuationToken"]?.GetValue<string>();
        }
        while (next is not null);
        return entries;
    }

    public static long Minor(JsonNode? amount) => amount!["minor"]!.GetValue<long>();
}
