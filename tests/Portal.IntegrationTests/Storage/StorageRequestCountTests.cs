using System.Net;
using System.Text;
using System.Text.Json;
using Portal.LocalHost.Storage;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Storage;

/// <summary>How many storage round trips each endpoint makes; a change that adds one must change this table.</summary>
public class StorageRequestCountTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_endpoint_makes_the_expected_number_of_storage_requests()
    {
        var portal = await TestPortal.GetAsync();
        var api = new Api.PortalApi(portal.Client);
        var frontDesk = await api.TokenAsync(Api.PortalApi.UniqueSubject("frontdesk"), ["FrontDesk"]);
        var patientSubject = Api.PortalApi.UniqueSubject();
        var patient = await api.TokenAsync(patientSubject);
        var clinician = await api.TokenAsync(Api.PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var stranger = await api.TokenAsync(Api.PortalApi.UniqueSubject("stranger"));
        var rows = new List<(string Endpoint, int Expected, int Actual)>();

        async Task<HttpResponseMessage> Measure(string endpoint, int expected, HttpMethod method, string path, string? token, string? body = null, string? ifMatch = null, string? eventGridType = null, string contentType = "application/json")
        {
            var callId = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add(StorageRequestCounter.Header, callId);
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, contentType);
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            if (eventGridType is not null)
            {
                request.Headers.Add("aeg-event-type", eventGridType);
            }

            var response = await api.SendAsync(request);
            var expectedStatus = endpoint.Contains("404") ? HttpStatusCode.NotFound
                : endpoint.Contains("412") ? HttpStatusCode.PreconditionFailed
                : endpoint.Contains("403") ? HttpStatusCode.Forbidden
                : endpoint.Contains("409") ? HttpStatusCode.Conflict
                : (HttpStatusCode)0;
            Assert.True(expectedStatus == 0 ? response.IsSuccessStatusCode : response.StatusCode == expectedStatus, $"{endpoint}: {response.StatusCode}");
            rows.Add((endpoint, expected, TestPortal.StorageRequests.CountOf(callId)));
            return response;
        }

        await Measure("GET /api/health", 1, HttpMethod.Get, "api/health", null);
        await Measure("GET /api/openapi.json", 0, HttpMethod.Get, "api/openapi.json", null);
        await Measure("POST /api/dev/token", 0, HttpMethod.Post, "api/dev/token", null, """{"subject":"count-me"}""");
        await Measure("GET /api/dev/outbox", 1, HttpMethod.Get, "api/dev/outbox?limit=5", null);
        var (family, birthDate, mrn) = ("Count" + Api.PortalApi.UniqueLetters(), Api.PortalApi.UniqueBirthDate().ToString("yyyy-MM-dd"), $"C-{Guid.NewGuid():N}"[..20]);
        var registered = await Measure("POST /api/patients", 5, HttpMethod.Post, "api/patients", frontDesk,
            JsonSerializer.Serialize(new { givenName = "Count", familyName = family, birthDate, mrn }));
        var patientId = (await Api.PortalApi.ReadJsonAsync(registered))["patientId"]!.GetValue<string>();
        await Measure("GET /api/patients?mrn (1 found)", 2, HttpMethod.Get, $"api/patients?mrn={mrn}", clinician);
        await Measure("GET /api/patients?name&birthDate (1 found)", 2, HttpMethod.Get, $"api/patients?name={family}&birthDate={birthDate}", frontDesk);
        await Measure("GET /api/patients?name&birthDate (none found)", 1, HttpMethod.Get, $"api/patients?name={family}x&birthDate={birthDate}", frontDesk);
        await Measure("GET /api/patients (patient, 403)", 0, HttpMethod.Get, $"api/patients?mrn={mrn}", patient);
        var reissued = await Measure("POST /api/patients/{id}/activation-code", 4, HttpMethod.Post, $"api/patients/{patientId}/activation-code", frontDesk);
        await Measure("POST /api/me/activate", 4, HttpMethod.Post, "api/me/activate", patient,
            JsonSerializer.Serialize(new { code = (await Api.PortalApi.ReadJsonAsync(reissued))["activationCode"]!.GetValue<string>(), birthDate }));
        await Measure("POST /api/patients/{id}/activation-code (activated, 409)", 3, HttpMethod.Post, $"api/patients/{patientId}/activation-code", frontDesk);
        await Measure("GET /api/me", 1, HttpMethod.Get, "api/me", patient);
        var read = await Measure("GET /api/patients/{id}/profile (patient)", 3, HttpMethod.Get, $"api/patients/{patientId}/profile", patient);
        await Measure("GET /api/patients/{id}/profile (clinician)", 2, HttpMethod.Get, $"api/patients/{patientId}/profile", clinician);
        await Measure("GET /api/patients/{id}/profile (stranger, 404)", 2, HttpMethod.Get, $"api/patients/{patientId}/profile", stranger);
        await Measure("PATCH /api/patients/{id}/profile", 4, HttpMethod.Patch, $"api/patients/{patientId}/profile", patient, """{"smsConsent":false}""", read.Headers.ETag!.ToString());
        await Measure("PATCH /api/patients/{id}/profile (stale, 412)", 3, HttpMethod.Patch, $"api/patients/{patientId}/profile", patient, """{"smsConsent":true}""", read.Headers.ETag!.ToString());
        var preferences = $"api/patients/{patientId}/notification-preferences";
        const string preferencesBody = """{"channels":[{"kind":"newResult","channel":"email"}],"quietHoursStart":"22:00:00","quietHoursEnd":"07:00:00","dailyDigest":true}""";
        await Measure("GET /api/patients/{id}/notification-preferences (never saved)", 4, HttpMethod.Get, preferences, patient);
        var firstSave = await Measure("PUT /api/patients/{id}/notification-preferences (first save)", 5, HttpMethod.Put, preferences, patient, preferencesBody, "W/\"defaults\"");
        await Measure("GET /api/patients/{id}/notification-preferences (patient)", 3, HttpMethod.Get, preferences, patient);
        await Measure("GET /api/patients/{id}/notification-preferences (clinician)", 2, HttpMethod.Get, preferences, clinician);
        await Measure("PUT /api/patients/{id}/notification-preferences", 4, HttpMethod.Put, preferences, patient, preferencesBody, firstSave.Headers.ETag!.ToString());
        await Measure("PUT /api/patients/{id}/notification-preferences (stale, 412)", 3, HttpMethod.Put, preferences, patient, preferencesBody, firstSave.Headers.ETag!.ToString());
        await Measure("GET /api/patients/{id}/access-log", 3, HttpMethod.Get, $"api/patients/{patientId}/access-log", patient);
        await Measure("GET /api/patients/{id}/notifications", 3, HttpMethod.Get, $"api/patients/{patientId}/notifications", patient);
        var started = await Measure("POST /api/patients/{id}/threads", 5, HttpMethod.Post, $"api/patients/{patientId}/threads", patient,
            """{"pool":"care-team","subject":"Counting","message":"How many?"}""");
        var threadId = (await Api.PortalApi.ReadJsonAsync(started))["thread"]!["threadId"]!.GetValue<string>();
        await Measure("GET /api/inbox?pool (clinician)", 1, HttpMethod.Get, "api/inbox?pool=care-team&pageSize=5", clinician);
        await Measure("POST /api/patients/{id}/threads/{threadId}/messages (clinician)", 7, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/messages", clinician, """{"message":"This many."}""");
        await Measure("GET /api/patients/{id}/threads", 3, HttpMethod.Get, $"api/patients/{patientId}/threads", patient);
        await Measure("GET /api/patients/{id}/threads/{threadId} (marks read)", 5, HttpMethod.Get, $"api/patients/{patientId}/threads/{threadId}", patient);
        await Measure("POST /api/patients/{id}/threads/{threadId}/messages (patient)", 6, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/messages", patient, """{"message":"Thanks."}""");
        await Measure("POST /api/patients/{id}/threads/{threadId}/assign", 5, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/assign", clinician, """{"assignee":"dr-chen"}""");
        await Measure("POST /api/patients/{id}/threads/{threadId}/close", 5, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/close", clinician);
        var events = $"api/events/communication?secret={TestPortal.EventsSecret}";
        await Measure("POST /api/events/communication (handshake)", 0, HttpMethod.Post, events, null,
            """[{"id":"v","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"c"}}]""", eventGridType: "SubscriptionValidation");
        var stop = Notifications.CommunicationEventsTests.SmsReceived(Guid.NewGuid().ToString(), $"+1312{Random.Shared.Next(0, 10_000_000):D7}", "STOP", DateTimeOffset.UtcNow);
        await Measure("POST /api/events/communication (SMSReceived STOP)", 3, HttpMethod.Post, events, null, stop, eventGridType: "Notification");
        await Measure("POST /api/events/communication (redelivery)", 1, HttpMethod.Post, events, null, stop, eventGridType: "Notification");
        await Measure("POST /api/dev/sms/inbound (HELP)", 1, HttpMethod.Post, "api/dev/sms/inbound", null, """{"from":"+13125550199","message":"help"}""");
        await Measure("POST /api/dev/sms/inbound (other text)", 4, HttpMethod.Post, "api/dev/sms/inbound", null,
            JsonSerializer.Serialize(new { from = $"+1312{Random.Shared.Next(0, 10_000_000):D7}", message = "hello?" }));

        // Lab results: one HL7 message for this patient (matched), its redelivery, one for nobody (unmatched).
        var labToken = await api.TokenAsync(Api.PortalApi.UniqueSubject("lab"), ["Lab.Push"]);
        var admin = await api.TokenAsync(Api.PortalApi.UniqueSubject("admin"), ["Admin"]);
        var labPatient = new Labs.LabMessages.Patient(mrn, family, "Count", DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture));
        var oru = Labs.LabMessages.Oru(Labs.LabMessages.NewControlId(), (labPatient, [Labs.LabMessages.HbA1c("CNT-" + Guid.NewGuid().ToString("N")[..8], "6.1", "H")]));
        const string hl7 = "x-application/hl7-v2+er7";
        await Measure("POST /api/labs/results (HL7, 1 patient matched, released)", 9, HttpMethod.Post, "api/labs/results", labToken, oru, contentType: hl7);
        await Measure("POST /api/labs/results (redelivery)", 3, HttpMethod.Post, "api/labs/results", labToken, oru, contentType: hl7);
        var nobody = labPatient with { Mrn = $"N-{Guid.NewGuid():N}"[..20], Family = "Nobody" + Api.PortalApi.UniqueLetters() };
        await Measure("POST /api/labs/results (HL7, unmatched)", 5, HttpMethod.Post, "api/labs/results", labToken,
            Labs.LabMessages.Oru(Labs.LabMessages.NewControlId(), (nobody, [Labs.LabMessages.HbA1c("CNT-" + Guid.NewGuid().ToString("N")[..8], "5.0")])), contentType: hl7);
        var unmatched = await Labs.LabIngestionTests.UnmatchedAsync(api, clinician, nobody.Family);
        await Measure("GET /api/labs/unmatched", 2, HttpMethod.Get, "api/labs/unmatched?pageSize=5", clinician);
        await Measure("POST /api/labs/unmatched/{unmatchedId}/reject", 4, HttpMethod.Post, $"api/labs/unmatched/{unmatched["unmatchedId"]}/reject", admin, """{"reason":"Not our patient."}""");
        var labResults = $"api/patients/{patientId}/results";
        var listed = await Measure("GET /api/patients/{id}/results (patient)", 3, HttpMethod.Get, labResults, patient);
        var resultId = (await Api.PortalApi.ReadJsonAsync(listed))["items"]![0]!["resultId"]!.GetValue<string>();
        await Measure("GET /api/patients/{id}/results (clinician)", 2, HttpMethod.Get, labResults, clinician);
        await Measure("GET /api/patients/{id}/results/{resultId} (patient, first read marks reviewed)", 6, HttpMethod.Get, $"{labResults}/{resultId}", patient);
        await Measure("GET /api/patients/{id}/results/{resultId} (clinician)", 4, HttpMethod.Get, $"{labResults}/{resultId}", clinician);
        await Measure("GET /api/patients/{id}/results/trends", 5, HttpMethod.Get, $"{labResults}/trends?code=4548-4", patient);
        await Measure("GET /api/patients/{id}/results/trends.svg", 5, HttpMethod.Get, $"{labResults}/trends.svg?code=4548-4", patient);
        var choices = await Measure("GET /api/patients/{id}/results/hold-preferences", 3, HttpMethod.Get, $"{labResults}/hold-preferences", patient);
        await Measure("PUT /api/patients/{id}/results/hold-preferences", 4, HttpMethod.Put, $"{labResults}/hold-preferences", patient,
            """{"holds":[{"category":"pathology","days":7}]}""", choices.Headers.ETag!.ToString());
        await Measure("POST /api/patients/{id}/results/{resultId}/hold", 4, HttpMethod.Post, $"{labResults}/{resultId}/hold", clinician,
            JsonSerializer.Serialize(new { reason = "Discuss first.", until = DateTimeOffset.UtcNow.AddDays(2) }));
        await Measure("POST /api/patients/{id}/results/{resultId}/release", 5, HttpMethod.Post, $"{labResults}/{resultId}/release", clinician, """{"comment":"Fine."}""");
        await Measure("POST /api/labs/results (HL7, unmatched, to match)", 5, HttpMethod.Post, "api/labs/results", labToken,
            Labs.LabMessages.Oru(Labs.LabMessages.NewControlId(), (labPatient with { BirthDate = labPatient.BirthDate.AddDays(1) }, [Labs.LabMessages.Lipids("CNT-" + Guid.NewGuid().ToString("N")[..8])])), contentType: hl7);
        var toMatch = await Labs.LabIngestionTests.UnmatchedAsync(api, clinician, family);
        await Measure("POST /api/labs/unmatched/{unmatchedId}/match", 12, HttpMethod.Post, $"api/labs/unmatched/{toMatch["unmatchedId"]}/match", clinician,
            JsonSerializer.Serialize(new { patientId }));

        var table = new StringBuilder("| endpoint | storage requests |\n|---|---|\n");
        foreach (var (endpoint, _, actual) in rows)
        {
            table.Append($"| {endpoint} | {actual} |\n");
        }

        // dotnet test hides passing tests' output; .ci/run prints this file.
        output.WriteLine(table.ToString());
        var results = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), "TestResults"));
        await File.WriteAllTextAsync(Path.Combine(results.FullName, "storage-requests.md"), table.ToString());
        Assert.Equal(rows.Select(r => (r.Endpoint, r.Expected)), rows.Select(r => (r.Endpoint, r.Actual)));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }
}
