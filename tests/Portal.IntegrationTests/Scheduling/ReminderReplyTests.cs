using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>Texting C or X back to a reminder, through the development inbound-text endpoint.</summary>
public class ReminderReplyTests
{
    [Fact]
    public async Task C_confirms_and_X_cancels_the_visit_whose_reminder_the_number_got_last()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, phone) = await PatientWithPhoneAsync(api);
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(3));
        var appointmentId = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Body["appointmentId"]!.GetValue<string>();
        await (await ScheduleSweeps.AtAsync(start.AddHours(-48), clinic.ProviderId)).ExecuteAsync(default);
        var path = $"api/patients/{patientId}/appointments/{appointmentId}";

        Assert.Equal("handled", (await TextAsync(api, phone, " c "))["outcome"]!.GetValue<string>());
        var confirmed = await SchedulingClinic.GetAsync(api, path, patient);
        Assert.Equal("confirmed", confirmed["status"]!.GetValue<string>());
        Assert.Contains("is confirmed.", await LastAnswerAsync(api, phone));

        Assert.Equal("handled", (await TextAsync(api, phone, "X"))["outcome"]!.GetValue<string>());
        Assert.Equal("cancelled", (await SchedulingClinic.GetAsync(api, path, patient))["status"]!.GetValue<string>());
        Assert.Contains("is cancelled.", await LastAnswerAsync(api, phone));
        Assert.Contains(await clinic.SlotsAsync(patient, clinic.FollowUp, DateOnly.FromDateTime(start.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(start.UtcDateTime.AddDays(1))),
            s => s!["start"]!.GetValue<DateTimeOffset>() == start);

        // The visit is gone: another C gets the help text.
        await TextAsync(api, phone, "C");
        Assert.Contains("Reply STOP to opt out.", await LastAnswerAsync(api, phone));
    }

    [Fact]
    public async Task X_inside_the_cutoff_says_to_call_and_a_number_without_a_reminder_gets_the_help_text()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, phone) = await PatientWithPhoneAsync(api);
        var soon = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromHours(2.5));
        var appointmentId = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, soon)).Body["appointmentId"]!.GetValue<string>();
        await (await ScheduleSweeps.AtAsync(soon.AddHours(-2), clinic.ProviderId)).ExecuteAsync(default);

        await TextAsync(api, phone, "x");

        Assert.Equal("booked", (await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/appointments/{appointmentId}", patient))["status"]!.GetValue<string>());
        Assert.Contains($"too soon to cancel by text. Please call us at {TestPortal.ClinicPhone}.", await LastAnswerAsync(api, phone));

        var stranger = UniquePhone();
        Assert.Equal("handled", (await TextAsync(api, stranger, "C"))["outcome"]!.GetValue<string>());
        Assert.Contains("texts about your patient portal account", await LastAnswerAsync(api, stranger));
    }

    [Fact]
    public async Task A_spanish_speaking_patient_gets_the_answers_and_the_help_text_in_spanish()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, phone) = await PatientWithPhoneAsync(api, language: "es-MX");
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(3));
        var appointmentId = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Body["appointmentId"]!.GetValue<string>();
        await (await ScheduleSweeps.AtAsync(start.AddHours(-48), clinic.ProviderId)).ExecuteAsync(default);

        await TextAsync(api, phone, "C");
        var confirmed = await LastAnswerAsync(api, phone);
        Assert.Contains("está confirmada.", confirmed);
        Assert.Contains(" de ", confirmed);

        await TextAsync(api, phone, "X");
        Assert.Contains("está cancelada.", await LastAnswerAsync(api, phone));
        Assert.Equal("cancelled", (await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/appointments/{appointmentId}", patient))["status"]!.GetValue<string>());

        await TextAsync(api, phone, "C");
        Assert.Contains("Responda STOP", await LastAnswerAsync(api, phone));
    }

    internal static string UniquePhone() => $"+1773{Random.Shared.Next(0, 10_000_000):D7}";

    /// <summary>An activated patient whose profile has a phone number of their own (SMS consent given).</summary>
    internal static async Task<(string PatientId, string Token, string Phone)> PatientWithPhoneAsync(PortalApi api, string? language = null)
    {
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var phone = UniquePhone();
        using var read = await api.GetAsync($"api/patients/{patientId}/profile", token);
        using var changed = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", token,
            language is null ? JsonSerializer.Serialize(new { phone, smsConsent = true }) : JsonSerializer.Serialize(new { phone, smsConsent = true, preferredLanguage = language }),
            read.Headers.ETag!.ToString(), "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        return (patientId, token, phone);
    }

    private static async Task<JsonObject> TextAsync(PortalApi api, string from, string message)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "api/dev/sms/inbound", null, JsonSerializer.Serialize(new { from, message }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalApi.ReadJsonAsync(response);
    }

    private static async Task<string> LastAnswerAsync(PortalApi api, string phone)
    {
        using var response = await api.GetAsync("api/dev/outbox?limit=100", null);
        var items = (await PortalApi.ReadJsonAsync(response))["items"]!.AsArray();
        return items.First(m => m!["to"]!.GetValue<string>() == phone && m["tag"]?.GetValue<string>() == "reply")!["text"]!.GetValue<string>();
    }
}
