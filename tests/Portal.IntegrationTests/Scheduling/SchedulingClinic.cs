using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>
/// A clinic set up for one test through the real endpoints, as the administrator would: its own provider, location,
/// visit types and an every-day 08:00–17:00 template, so tests never share a provider's time.
/// </summary>
internal sealed record SchedulingClinic(PortalApi Api, string Admin, string ProviderId, string LocationId, string FollowUp, string Approval, string Video, string StaffOnly)
{
    public static async Task<SchedulingClinic> CreateAsync(PortalApi api, int minimumNoticeHours = 0)
    {
        var admin = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]);
        var id = Guid.NewGuid().ToString("N")[..10];
        var clinic = new SchedulingClinic(api, admin, $"dr-{id}", $"loc-{id}", $"fu-{id}", $"ap-{id}", $"vid-{id}", $"so-{id}");
        await clinic.PutAsync("providers", clinic.ProviderId, new { id = clinic.ProviderId, name = "Dr. Test " + id, specialty = "Family medicine", active = true });
        await clinic.PutAsync("locations", clinic.LocationId, new { id = clinic.LocationId, name = "Lakeview office", line1 = "3000 N Halsted St", city = "Chicago", state = "IL", postalCode = "60657", phone = (string?)null });
        await clinic.PutAsync("visit-types", clinic.FollowUp, VisitType(clinic.FollowUp, "Follow-up visit", 30, "inPerson", "anyone", false, minimumNoticeHours));
        await clinic.PutAsync("visit-types", clinic.Approval, VisitType(clinic.Approval, "Annual physical", 60, "inPerson", "anyone", true, minimumNoticeHours));
        await clinic.PutAsync("visit-types", clinic.Video, VisitType(clinic.Video, "Video visit", 20, "video", "anyone", false, minimumNoticeHours));
        await clinic.PutAsync("visit-types", clinic.StaffOnly, VisitType(clinic.StaffOnly, "Procedure", 60, "inPerson", "staffOnly", false, minimumNoticeHours));
        await clinic.PutAsync("templates", $"t-{id}", new
        {
            id = $"t-{id}",
            providerId = clinic.ProviderId,
            locationId = clinic.LocationId,
            days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
            start = "08:00:00",
            end = "17:00:00",
            visitTypeIds = (string[]?)null,
            validFrom = (string?)null,
            validTo = (string?)null,
        });
        return clinic;
    }

    public static object VisitType(string id, string name, int minutes, string modality, string selfBooking, bool approval, int noticeHours, bool questionnaire = true) => new
    {
        id,
        name,
        durationMinutes = minutes,
        modality,
        selfBooking,
        requiresApproval = approval,
        minimumNoticeHours = noticeHours,
        horizonDays = 60,
        cancellationCutoffHours = 24,
        reminderHours = new[] { 48, 2 },
        preparation = "Bring your medications and insurance card.",
        questionnaire = !questionnaire ? null : new object[]
        {
            new { linkId = "topic", text = "What would you like to discuss?", type = "string", required = true, options = (string[]?)null },
            new { linkId = "new-medicines", text = "Any new medicines since your last visit?", type = "boolean", required = true, options = (string[]?)null },
            new { linkId = "pain", text = "Pain from 0 to 10?", type = "integer", required = false, options = (string[]?)null },
            new { linkId = "feeling", text = "How have you been feeling?", type = "choice", required = false, options = new[] { "Better", "Same", "Worse" } },
        },
    };

    public async Task<HttpResponseMessage> PutAsync(string collection, string id, object item, string? ifMatch = null, string? token = null)
    {
        var response = await Api.SendAsync(HttpMethod.Put, $"api/clinic/{collection}/{id}", token ?? Admin, JsonSerializer.Serialize(item), ifMatch);
        if (token is null && ifMatch is null)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return response;
    }

    /// <summary>The open slots of a visit type with this clinic's provider, as <paramref name="token"/> sees them.</summary>
    public async Task<JsonArray> SlotsAsync(string token, string visitType, DateOnly? from = null, DateOnly? to = null)
    {
        var query = $"api/schedule/slots?visitType={visitType}&provider={ProviderId}" + (from is null ? "" : $"&from={from:yyyy-MM-dd}") + (to is null ? "" : $"&to={to:yyyy-MM-dd}");
        using var response = await Api.GetAsync(query, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await PortalApi.ReadJsonAsync(response))["slots"]!.AsArray();
    }

    /// <summary>The first open slot's start at least <paramref name="after"/> from now.</summary>
    public async Task<DateTimeOffset> SlotAsync(string token, string visitType, TimeSpan after)
    {
        var earliest = DateTimeOffset.UtcNow + after;
        var from = DateOnly.FromDateTime(earliest.UtcDateTime.AddDays(-1));
        var slots = await SlotsAsync(token, visitType, from, from.AddDays(6));
        return slots.Select(s => s!["start"]!.GetValue<DateTimeOffset>()).First(s => s >= earliest);
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> BookAsync(
        PortalApi api, string token, string patientId, string visitType, string provider, DateTimeOffset start, string reason = "Follow-up on blood pressure", string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/patients/{patientId}/appointments")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { visitTypeId = visitType, providerId = provider, start, reason }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await api.SendAsync(request);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response), response);
    }

    public Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> BookAsync(string token, string patientId, string visitType, DateTimeOffset start, string? key = null) =>
        BookAsync(Api, token, patientId, visitType, ProviderId, start, key: key);

    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(PortalApi api, string path, string token, object? body = null, string? ifMatch = null)
    {
        using var response = await api.SendAsync(HttpMethod.Post, path, token, body is null ? null : JsonSerializer.Serialize(body), ifMatch);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response));
    }

    public static async Task<JsonObject> GetAsync(PortalApi api, string path, string token)
    {
        using var response = await api.GetAsync(path, token);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        return await PortalApi.ReadJsonAsync(response);
    }
}
