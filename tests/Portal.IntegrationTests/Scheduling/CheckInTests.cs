using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Serialization;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Fhir;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>Online check-in before a visit: the window, the confirmations, the questionnaire kept as a QuestionnaireResponse, the day view's mark.</summary>
public class CheckInTests
{
    [Fact]
    public async Task A_patient_checks_in_the_day_before_with_the_questionnaire_and_the_front_desk_sees_it()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var tomorrow = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(1));
        var nextWeek = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(5));
        var soon = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, tomorrow)).Body["appointmentId"]!.GetValue<string>();
        var later = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, nextWeek)).Body["appointmentId"]!.GetValue<string>();
        var path = $"api/patients/{patientId}/appointments";

        // Five days out: the form says when it opens; checking in is 409 with that date.
        var closed = await SchedulingClinic.GetAsync(api, $"{path}/{later}/check-in", patient);
        Assert.False(closed["isOpen"]!.GetValue<bool>());
        Assert.Equal(nextWeek.AddDays(-3), closed["opensAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["topic", "new-medicines", "pain", "feeling"], closed["questionnaire"]!.AsArray().Select(q => q!["linkId"]!.GetValue<string>()));
        using var tooEarly = await PutAsync(api, $"{path}/{later}/check-in", patient, Valid());
        var problem = await PortalApi.AssertProblemAsync(tooEarly, HttpStatusCode.Conflict);
        Assert.Contains("opens 3 days before", problem["detail"]!.GetValue<string>());

        // Tomorrow: open. Bad answers are 400 with a field per problem, and nothing is kept.
        var open = await SchedulingClinic.GetAsync(api, $"{path}/{soon}/check-in", patient);
        Assert.True(open["isOpen"]!.GetValue<bool>());
        Assert.Equal(($"/api/patients/{patientId}/profile", "W/\"none\""), (open["profileUrl"]!.GetValue<string>(), open["eTag"]!.GetValue<string>()));
        using var bad = await PutAsync(api, $"{path}/{soon}/check-in", patient, new
        {
            contactConfirmed = false,
            insuranceConfirmed = true,
            answers = new object[]
            {
                new { linkId = "new-medicines", valueString = "no" },
                new { linkId = "shoe-size", valueInteger = 9 },
                new { linkId = "feeling", valueString = "Fantastic" },
            },
        });
        var errors = (await PortalApi.AssertProblemAsync(bad, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["answers.topic", "answers[0]", "answers[1].linkId", "answers[2]", "contactConfirmed"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Null((await SchedulingClinic.GetAsync(api, $"{path}/{soon}/check-in", patient))["response"]);

        // Checked in: the confirmations with their time, the answers as a valid FHIR QuestionnaireResponse in the questionnaire's order.
        using var done = await PutAsync(api, $"{path}/{soon}/check-in", patient, Valid(), "W/\"none\"");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var checkedIn = await PortalApi.ReadJsonAsync(done);
        Assert.NotNull(checkedIn["contactConfirmedAt"]);
        Assert.NotNull(checkedIn["insuranceConfirmedAt"]);
        var response = checkedIn["response"]!;
        Assert.Equal(["topic", "new-medicines", "pain"], response["item"]!.AsArray().Select(i => i!["linkId"]!.GetValue<string>()));
        Assert.Equal($"urn:portal:visit-type:{clinic.FollowUp}", response["questionnaire"]!.GetValue<string>());
        var resource = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Hl7.Fhir.Model.QuestionnaireResponse>(response.ToJsonString());
        Assert.Empty(FhirValidation.Errors(resource));
        Assert.Equal(false, Assert.IsType<Hl7.Fhir.Model.FhirBoolean>(resource.Item[1].Answer[0].Value).Value);
        var eTag = done.Headers.ETag!.ToString();
        Assert.Equal(eTag, checkedIn["eTag"]!.GetValue<string>());

        // Sending it again replaces it; a stale If-Match is 412.
        using var stale = await PutAsync(api, $"{path}/{soon}/check-in", patient, Valid(), "\"stale\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var again = await PutAsync(api, $"{path}/{soon}/check-in", patient, Valid(), eTag);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var notNew = await PutAsync(api, $"{path}/{soon}/check-in", patient, Valid(), "W/\"none\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, notNew.StatusCode);

        // The appointment and the staff's day view show who checked in.
        Assert.NotNull((await SchedulingClinic.GetAsync(api, $"{path}/{soon}", patient))["onlineCheckInAt"]);
        var day = (await SchedulingClinic.GetAsync(api, $"api/schedule/day?provider={clinic.ProviderId}&date={DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)):yyyy-MM-dd}&days=7", clinician))["items"]!.AsArray();
        var checkedInRow = day.Single(i => i!["appointmentId"]!.GetValue<string>() == soon)!;
        Assert.NotNull(checkedInRow["onlineCheckInAt"]);
        Assert.Equal("Test Patient", checkedInRow["patient"]!.GetValue<string>());
        Assert.Null(day.Single(i => i!["appointmentId"]!.GetValue<string>() == later)!["onlineCheckInAt"]);

        // A visit moved to another time is checked in anew.
        Assert.NotNull((await SchedulingClinic.GetAsync(api, $"{path}/{soon}/check-in", patient))["checkedInAt"]);
        var moved = await SchedulingClinic.PostAsync(api, $"{path}/{soon}/reschedule", patient, new { start = tomorrow.AddHours(1), providerId = (string?)null });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Null(moved.Body["onlineCheckInAt"]);
        var afterMove = await SchedulingClinic.GetAsync(api, $"{path}/{soon}/check-in", patient);
        Assert.Null(afterMove["checkedInAt"]);
        Assert.NotNull(afterMove["response"]);
    }

    [Fact]
    public async Task A_request_not_yet_approved_cannot_be_checked_in_and_a_visit_type_without_questions_needs_only_the_confirmations()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var caregiver = await api.CaregiverAsync(patientId, "appointments.write");
        var path = $"api/patients/{patientId}/appointments";
        var request = (await clinic.BookAsync(patient, patientId, clinic.Approval, await clinic.SlotAsync(patient, clinic.Approval, TimeSpan.FromDays(1)))).Body["appointmentId"]!.GetValue<string>();
        using var pending = await PutAsync(api, $"{path}/{request}/check-in", patient, Valid());
        Assert.Contains("still a request", (await PortalApi.AssertProblemAsync(pending, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());

        await clinic.PutAsync("visit-types", $"plain-{clinic.ProviderId}", SchedulingClinic.VisitType($"plain-{clinic.ProviderId}", "Plain visit", 30, "inPerson", "anyone", false, 0, questionnaire: false));
        var plain = (await clinic.BookAsync(caregiver, patientId, $"plain-{clinic.ProviderId}", await clinic.SlotAsync(patient, $"plain-{clinic.ProviderId}", TimeSpan.FromDays(2)))).Body["appointmentId"]!.GetValue<string>();
        using var done = await PutAsync(api, $"{path}/{plain}/check-in", caregiver, new { contactConfirmed = true, insuranceConfirmed = true, answers = (object[]?)null });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Empty((await PortalApi.ReadJsonAsync(done))["response"]!["item"]!.AsArray());
    }

    private static object Valid() => new
    {
        contactConfirmed = true,
        insuranceConfirmed = true,
        answers = new object[]
        {
            new { linkId = "pain", valueInteger = 3 },
            new { linkId = "topic", valueString = "My blood pressure readings" },
            new { linkId = "new-medicines", valueBoolean = false },
        },
    };

    private static Task<HttpResponseMessage> PutAsync(PortalApi api, string path, string token, object body, string? ifMatch = null) =>
        api.SendAsync(HttpMethod.Put, path, token, JsonSerializer.Serialize(body), ifMatch);
}
