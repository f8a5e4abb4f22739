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

        async Task<HttpResponseMessage> Measure(
            string endpoint, int expected, HttpMethod method, string path, string? token, string? body = null, string? ifMatch = null, string? eventGridType = null,
            (byte[] Content, string Type)? file = null)
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
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            if (file is { } upload)
            {
                request.Content = new ByteArrayContent(upload.Content);
                request.Content.Headers.ContentType = new(upload.Type);
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
        await Measure("GET /api/me/contact", 1, HttpMethod.Get, "api/me/contact", patient);
        await Measure("PUT /api/me/contact (first save)", 2, HttpMethod.Put, "api/me/contact", patient,
            """{"phone":"+15555550162","email":null,"smsConsent":true,"emailConsent":false,"preferredLanguage":"es","timeZone":"America/Chicago"}""", "W/\"none\"");
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
        var started = await Measure("POST /api/patients/{id}/threads", 6, HttpMethod.Post, $"api/patients/{patientId}/threads", patient,
            """{"pool":"care-team","subject":"Counting","message":"How many?"}""");
        var threadId = (await Api.PortalApi.ReadJsonAsync(started))["thread"]!["threadId"]!.GetValue<string>();
        await Measure("GET /api/inbox?pool (clinician)", 1, HttpMethod.Get, "api/inbox?pool=care-team&pageSize=5", clinician);
        await Measure("POST /api/patients/{id}/threads/{threadId}/messages (clinician)", 8, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/messages", clinician, """{"message":"This many."}""");
        await Measure("GET /api/patients/{id}/threads", 3, HttpMethod.Get, $"api/patients/{patientId}/threads", patient);
        await Measure("GET /api/patients/{id}/threads/{threadId} (marks read)", 5, HttpMethod.Get, $"api/patients/{patientId}/threads/{threadId}", patient);
        await Measure("POST /api/patients/{id}/threads/{threadId}/messages (patient)", 7, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/messages", patient, """{"message":"Thanks."}""");
        await Measure("POST /api/patients/{id}/threads/{threadId}/assign", 6, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/assign", clinician, """{"assignee":"dr-chen"}""");
        await Measure("POST /api/patients/{id}/threads/{threadId}/close", 6, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/close", clinician);
        var uploaded = await Measure("POST /api/patients/{id}/attachments", 6, HttpMethod.Post, $"api/patients/{patientId}/attachments?fileName=scan.pdf", patient,
            file: (Messaging.AttachmentTests.Pdf, "application/pdf"));
        var attachmentId = (await Api.PortalApi.ReadJsonAsync(uploaded))["attachmentId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/threads/{threadId}/messages (patient, 1 attachment)", 8, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/messages", patient,
            $$"""{"message":"The scan.","attachments":["{{attachmentId}}"]}""");
        await Measure("GET /api/patients/{id}/threads/{threadId}/attachments/{attachmentId}", 4, HttpMethod.Get, $"api/patients/{patientId}/threads/{threadId}/attachments/{attachmentId}", patient);
        var bundle = await Measure("GET /api/patients/{id}/fhir/Communication", 4, HttpMethod.Get, $"api/patients/{patientId}/fhir/Communication", patient);
        var communicationId = System.Text.Json.Nodes.JsonNode.Parse(await bundle.Content.ReadAsStringAsync())!["entry"]![0]!["resource"]!["id"]!.GetValue<string>();
        await Measure("GET /api/patients/{id}/fhir/Communication/{communicationId}", 4, HttpMethod.Get, $"api/patients/{patientId}/fhir/Communication/{communicationId}", patient);
        var events = $"api/events/communication?secret={TestPortal.EventsSecret}";
        await Measure("POST /api/events/communication (handshake)", 0, HttpMethod.Post, events, null,
            """[{"id":"v","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"c"}}]""", eventGridType: "SubscriptionValidation");
        var stop = Notifications.CommunicationEventsTests.SmsReceived(Guid.NewGuid().ToString(), $"+1312{Random.Shared.Next(0, 10_000_000):D7}", "STOP", DateTimeOffset.UtcNow);
        await Measure("POST /api/events/communication (SMSReceived STOP)", 3, HttpMethod.Post, events, null, stop, eventGridType: "Notification");
        await Measure("POST /api/events/communication (redelivery)", 1, HttpMethod.Post, events, null, stop, eventGridType: "Notification");
        await Measure("POST /api/dev/sms/inbound (HELP)", 2, HttpMethod.Post, "api/dev/sms/inbound", null, """{"from":"+13125550199","message":"help"}""");
        await Measure("POST /api/dev/sms/inbound (other text)", 5, HttpMethod.Post, "api/dev/sms/inbound", null,
            JsonSerializer.Serialize(new { from = $"+1312{Random.Shared.Next(0, 10_000_000):D7}", message = "hello?" }));

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
