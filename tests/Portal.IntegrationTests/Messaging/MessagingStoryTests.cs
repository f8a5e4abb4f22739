using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Messaging;

/// <summary>A conversation with the care team end to end over real HTTP, from both sides.</summary>
public class MessagingStoryTests
{
    [Fact]
    public async Task A_question_gets_the_automatic_reply_waits_in_the_inbox_is_answered_read_closed_and_reopened()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"], name: "Dr. Maya Chen");
        var threads = $"api/patients/{patientId}/threads";

        // The patient asks the care team; the pool answers at once with its response time and the emergency line.
        var started = await PostAsync(api, threads, patient, new { pool = "care-team", subject = "Dizzy after the new dose", message = "Should I keep taking it?" }, "story-key-1");
        Assert.Equal(HttpStatusCode.Created, started.Status);
        var threadId = started.Body["thread"]!["threadId"]!.GetValue<string>();
        var automatic = started.Body["messages"]![1]!;
        Assert.Equal("automatic", automatic["authorKind"]!.GetValue<string>());
        Assert.Contains("We answer within 2 business days.", automatic["text"]!.GetValue<string>());
        Assert.Contains("If this is an emergency, call 911.", automatic["text"]!.GetValue<string>());

        // A retry with the same Idempotency-Key is the same thread, not a second one.
        var retried = await PostAsync(api, threads, patient, new { pool = "care-team", subject = "Dizzy after the new dose", message = "Should I keep taking it?" }, "story-key-1");
        Assert.Equal(threadId, retried.Body["thread"]!["threadId"]!.GetValue<string>());
        Assert.Single((await GetAsync(api, threads, patient))["items"]!.AsArray());

        // The clinician finds it in the care team's inbox, with the wait and the target.
        var inbox = await GetAsync(api, "api/inbox?pool=care-team&pageSize=100", clinician);
        var waiting = inbox["items"]!.AsArray().Single(i => i!["threadId"]!.GetValue<string>() == threadId)!;
        Assert.NotNull(waiting["respondBy"]);
        var waitingSince = inbox["items"]!.AsArray().Where(i => i!["waitingSince"] is not null).Select(i => i!["waitingSince"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(waitingSince.Order(), waitingSince);

        var answer = await PostAsync(api, $"{threads}/{threadId}/messages", clinician, new { message = "Please stop it and come in tomorrow." });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("careTeam", answer.Body["messages"]![0]!["authorKind"]!.GetValue<string>());

        // The patient sees the answer as unread, and a new-message notice.
        var listed = (await GetAsync(api, threads, patient))["items"]![0]!;
        Assert.Equal(1, listed["unread"]!.GetValue<int>());
        var notices = (await GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray();
        Assert.Contains(notices, n => n!["kind"]!.GetValue<string>() == "newMessage" && n["link"]!.GetValue<string>() == $"/messages/{threadId}");

        var opened = await GetAsync(api, $"{threads}/{threadId}", patient);
        Assert.Equal(3, opened["messages"]!.AsArray().Count);
        Assert.Equal("Dr. Maya Chen", opened["messages"]![2]!["authorName"]!.GetValue<string>());
        Assert.Equal(0, (await GetAsync(api, threads, patient))["items"]![0]!["unread"]!.GetValue<int>());

        // Closed by staff, reopened by the patient's next message, and back in the inbox as waiting.
        var closed = await PostAsync(api, $"{threads}/{threadId}/close", clinician, null);
        Assert.Equal("closed", closed.Body["thread"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain((await GetAsync(api, "api/inbox?pool=care-team&pageSize=100", clinician))["items"]!.AsArray(), i => i!["threadId"]!.GetValue<string>() == threadId);
        var again = await PostAsync(api, $"{threads}/{threadId}/messages", patient, new { message = "Still dizzy today." });
        Assert.Equal("open", again.Body["thread"]!["status"]!.GetValue<string>());
        var back = (await GetAsync(api, "api/inbox?pool=care-team&pageSize=100", clinician))["items"]!.AsArray().Single(i => i!["threadId"]!.GetValue<string>() == threadId)!;
        Assert.NotNull(back["waitingSince"]);
    }

    [Fact]
    public async Task Bad_input_is_400_with_field_errors_and_unknown_or_foreign_threads_are_404()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var (otherId, other, _) = await api.NewActivatedPatientAsync();
        var threads = $"api/patients/{patientId}/threads";

        using var pool = await api.SendAsync(HttpMethod.Post, threads, patient, JsonSerializer.Serialize(new { pool = "nope", subject = "s", message = "m" }));
        await PortalApi.AssertProblemAsync(pool, HttpStatusCode.BadRequest, "pool");
        using var subject = await api.SendAsync(HttpMethod.Post, threads, patient, JsonSerializer.Serialize(new { pool = "billing", subject = new string('s', 201), message = "m" }));
        await PortalApi.AssertProblemAsync(subject, HttpStatusCode.BadRequest, "subject");
        using var empty = await api.SendAsync(HttpMethod.Post, threads, patient, JsonSerializer.Serialize(new { pool = "billing", subject = "s", message = " " }));
        await PortalApi.AssertProblemAsync(empty, HttpStatusCode.BadRequest, "message");
        using var tooLong = await api.SendAsync(HttpMethod.Post, threads, patient, JsonSerializer.Serialize(new { pool = "billing", subject = "s", message = new string('m', 4001) }));
        await PortalApi.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "message");

        using var unknown = await api.GetAsync($"{threads}/{Guid.NewGuid():N}", patient);
        await PortalApi.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        var mine = await PostAsync(api, threads, patient, new { pool = "billing", subject = "A bill", message = "Why?" });
        var threadId = mine.Body["thread"]!["threadId"]!.GetValue<string>();
        using var foreign = await api.GetAsync($"{threads}/{threadId}", other);
        await PortalApi.AssertProblemAsync(foreign, HttpStatusCode.NotFound);
        using var viaOwnChart = await api.GetAsync($"api/patients/{otherId}/threads/{threadId}", other);
        await PortalApi.AssertProblemAsync(viaOwnChart, HttpStatusCode.NotFound);
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(PortalApi api, string path, string token, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await api.SendAsync(request);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response));
    }

    internal static async Task<JsonObject> GetAsync(PortalApi api, string path, string token)
    {
        using var response = await api.GetAsync(path, token);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        return await PortalApi.ReadJsonAsync(response);
    }
}
