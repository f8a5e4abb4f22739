using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Messaging;

namespace Portal.IntegrationTests.Notifications;

/// <summary>Caregivers hear about what their grant covers, on their own contact details, through the same pipeline.</summary>
public sealed class CaregiverNoticeTests
{
    /// <summary>A zone where it is day now, so the caregiver's quiet hours never hold the text back.</summary>
    private static string DaytimeZone() =>
        new[] { "America/Chicago", "Europe/London", "Asia/Tokyo", "Asia/Kolkata", "Pacific/Honolulu", "America/Sao_Paulo", "Australia/Sydney" }
            .First(zone => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour is >= 9 and < 19);

    [Fact]
    public async Task A_caregiver_with_messages_read_gets_a_text_in_spanish_on_their_own_number_when_the_care_team_answers()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var caregiver = await api.CaregiverAsync(patientId, "messages.read");
        var unrelated = await api.CaregiverAsync(patientId, "billing.read");
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var number = $"+1773{Random.Shared.Next(0, 10_000_000):D7}";
        static JsonArray notices(JsonObject page) => page["items"]!.AsArray();

        using var empty = await api.GetAsync("api/me/contact", caregiver);
        Assert.Equal("W/\"none\"", empty.Headers.ETag!.ToString());
        var contact = JsonSerializer.Serialize(new { phone = number, email = (string?)null, smsConsent = true, emailConsent = false, preferredLanguage = "es-MX", timeZone = DaytimeZone() });
        using var saved = await api.SendAsync(HttpMethod.Put, "api/me/contact", caregiver, contact, "W/\"none\"");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var unrelatedSaved = await api.SendAsync(HttpMethod.Put, "api/me/contact", unrelated, contact, "W/\"none\"");

        var thread = await MessagingStoryTests.PostAsync(api, $"api/patients/{patientId}/threads", patient, new { pool = "care-team", subject = "Dose", message = "Twice a day?" });
        await MessagingStoryTests.PostAsync(api, $"api/patients/{patientId}/threads/{thread.Body["thread"]!["threadId"]!.GetValue<string>()}/messages", clinician, new { message = "Yes." });

        // The queue function delivers within moments: the caregiver's copy goes to the caregiver's own number.
        JsonNode? text = null;
        for (var attempt = 0; attempt < 100 && text is null; attempt++)
        {
            await Task.Delay(100);
            using var outbox = await api.GetAsync("api/dev/outbox?limit=200", token: null);
            text = (await PortalApi.ReadJsonAsync(outbox))["items"]!.AsArray().FirstOrDefault(m => m!["to"]!.GetValue<string>() == number);
        }

        Assert.EndsWith(": Una persona a su cuidado tiene un mensaje nuevo del equipo de atención en el portal del paciente. Inicie sesión para verlo: https://portal-frontend.test", text!["text"]!.GetValue<string>());
        Assert.Single(notices(await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/notifications", patient)), n => n!["recipient"]!.GetValue<string>() == "caregiver"); // not the one with billing.read
        var copy = Assert.Single(notices(await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/notifications", patient)), n => n!["recipient"]!.GetValue<string>() == "caregiver")!;
        Assert.Equal(("newMessage", "parent", "sms"), (copy["kind"]!.GetValue<string>(), copy["relationship"]!.GetValue<string>(), copy["channel"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Contact_details_are_your_own_changed_with_if_match_and_a_new_number_needs_mfa()
    {
        var api = await PortalApi.CreateAsync();
        var person = await api.TokenAsync(PortalApi.UniqueSubject("carer"));
        var other = await api.TokenAsync(PortalApi.UniqueSubject("carer"));
        var withoutMfa = await api.TokenAsync(PortalApi.UniqueSubject("carer"), mfa: false);
        string Contact(string phone) => JsonSerializer.Serialize(new { phone, email = "carer@example.org", smsConsent = true, emailConsent = true, preferredLanguage = "en-US", timeZone = "America/Chicago" });
        var contact = Contact("+15555550161");

        using var noIfMatch = await api.SendAsync(HttpMethod.Put, "api/me/contact", person, contact);
        using var badPhone = await api.SendAsync(HttpMethod.Put, "api/me/contact", person, Contact("555-0161"), "W/\"none\"");
        using var stepUp = await api.SendAsync(HttpMethod.Put, "api/me/contact", withoutMfa, contact, "W/\"none\"");
        using var saved = await api.SendAsync(HttpMethod.Put, "api/me/contact", person, contact, "W/\"none\"");
        using var stale = await api.SendAsync(HttpMethod.Put, "api/me/contact", person, contact, "W/\"none\"");
        using var others = await api.GetAsync("api/me/contact", other);
        using var anonymous = await api.GetAsync("api/me/contact", token: null);

        await PortalApi.AssertProblemAsync(noIfMatch, HttpStatusCode.PreconditionRequired);
        await PortalApi.AssertProblemAsync(badPhone, HttpStatusCode.BadRequest, "phone");
        await PortalApi.AssertProblemAsync(stepUp, HttpStatusCode.Unauthorized);
        Assert.Contains("insufficient_claims", stepUp.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await PortalApi.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Null((await PortalApi.ReadJsonAsync(others))["phone"]?.GetValue<string>());
        await PortalApi.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
    }
}
