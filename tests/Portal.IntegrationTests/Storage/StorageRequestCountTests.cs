using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
            (byte[] Content, string Type)? file = null, string contentType = "application/json")
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
                : endpoint.Contains("403") && endpoint.Contains("billing (clinician") ? HttpStatusCode.Forbidden
                : endpoint.Contains("412") ? HttpStatusCode.PreconditionFailed
                : endpoint.Contains("403") ? HttpStatusCode.Forbidden
                : endpoint.Contains("409") ? HttpStatusCode.Conflict
                : (HttpStatusCode)0;
            Assert.True(expectedStatus == 0 ? response.IsSuccessStatusCode : response.StatusCode == expectedStatus, $"{endpoint}: {response.StatusCode}");
            rows.Add((endpoint, expected, TestPortal.StorageRequests.CountOf(callId)));
            return response;
        }

        async Task MeasureWebhook(string endpoint, int expected, string body, string signature)
        {
            var callId = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/billing/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(StorageRequestCounter.Header, callId);
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
            using var response = await api.SendAsync(request);
            Assert.True(endpoint.Contains("400") ? response.StatusCode == HttpStatusCode.BadRequest : response.IsSuccessStatusCode, $"{endpoint}: {response.StatusCode}");
            rows.Add((endpoint, expected, TestPortal.StorageRequests.CountOf(callId)));
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
        var ehr = await api.TokenAsync(Api.PortalApi.UniqueSubject("ehr"), ["Records.Push"]);
        var bundle = Portal.Tests.Record.FhirSamples.Bundle(mrn, "patient-example.json", "encounter-example-1.json", "weight.json", "heart-rate.json").ToJsonString();
        await Measure("POST /api/fhir/r4 (3 new items)", 9, HttpMethod.Post, "api/fhir/r4", ehr, bundle);
        await Measure("POST /api/fhir/r4 (the same Bundle again)", 8, HttpMethod.Post, "api/fhir/r4", ehr, bundle);
        await Measure("GET /api/patients/{id}/record", 4, HttpMethod.Get, $"api/patients/{patientId}/record", patient);
        await Measure("GET /api/patients/{id}/record (nothing new)", 3, HttpMethod.Get, $"api/patients/{patientId}/record", patient);
        await Measure("GET /api/patients/{id}/record/{section}", 3, HttpMethod.Get, $"api/patients/{patientId}/record/vitals", patient);
        await Measure("GET /api/patients/{id}/record/{section} (clinician)", 2, HttpMethod.Get, $"api/patients/{patientId}/record/vitals", clinician);
        var visitBody = """{"start":"2026-02-27T09:30:00-06:00","end":null,"type":"Office visit","class":null,"provider":null,"location":null,"reason":null,"diagnoses":null,"summary":"Counted.","instructions":null,"followUps":null}""";
        var createdVisit = await Measure("POST /api/patients/{id}/visits", 5, HttpMethod.Post, $"api/patients/{patientId}/visits", clinician, visitBody);
        var visitId = (await Api.PortalApi.ReadJsonAsync(createdVisit))["itemId"]!.GetValue<string>();
        await Measure("GET /api/patients/{id}/visits/{visitId}", 4, HttpMethod.Get, $"api/patients/{patientId}/visits/{visitId}", patient);
        await Measure("PUT /api/patients/{id}/visits/{visitId}", 6, HttpMethod.Put, $"api/patients/{patientId}/visits/{visitId}", clinician, visitBody.Replace("Counted.", "Counted again."), "W/\"1\"");
        var medicationBody = """{"name":"Amlodipine 5 MG Oral Tablet","rxNormCode":"197361","doseInstructions":"1 tablet daily","prescriber":null,"start":"2026-02-27","end":null,"refillsRemaining":3,"daysSupply":30,"quantity":null}""";
        var addedMedication = await Measure("POST /api/patients/{id}/medications", 5, HttpMethod.Post, $"api/patients/{patientId}/medications", clinician, medicationBody);
        var medicationId = (await Api.PortalApi.ReadJsonAsync(addedMedication))["itemId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/medications/{medicationId}/end", 6, HttpMethod.Post, $"api/patients/{patientId}/medications/{medicationId}/end", clinician, """{"status":"stopped"}""", "W/\"1\"");
        await Measure("POST /api/patients/{id}/medications/{medicationId}/end (stale, 412)", 2, HttpMethod.Post, $"api/patients/{patientId}/medications/{medicationId}/end", clinician, """{"status":"stopped"}""", "W/\"1\"");
        var uploaded = await Measure("POST /api/patients/{id}/attachments", 6, HttpMethod.Post, $"api/patients/{patientId}/attachments?fileName=scan.pdf", patient,
            file: (Messaging.AttachmentTests.Pdf, "application/pdf"));
        var attachmentId = (await Api.PortalApi.ReadJsonAsync(uploaded))["attachmentId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/threads/{threadId}/messages (patient, 1 attachment)", 8, HttpMethod.Post, $"api/patients/{patientId}/threads/{threadId}/messages", patient,
            $$"""{"message":"The scan.","attachments":["{{attachmentId}}"]}""");
        await Measure("GET /api/patients/{id}/threads/{threadId}/attachments/{attachmentId}", 4, HttpMethod.Get, $"api/patients/{patientId}/threads/{threadId}/attachments/{attachmentId}", patient);
        var communications = await Measure("GET /api/fhir/r4/{type}?patient (Communication)", 4, HttpMethod.Get, $"api/fhir/r4/Communication?patient={patientId}", patient);
        var communicationId = System.Text.Json.Nodes.JsonNode.Parse(await communications.Content.ReadAsStringAsync())!["entry"]![0]!["resource"]!["id"]!.GetValue<string>();
        await Measure("GET /api/fhir/r4/{type}/{id} (Communication)", 5, HttpMethod.Get, $"api/fhir/r4/Communication/{communicationId}", patient);
        var events = $"api/events/communication?secret={TestPortal.EventsSecret}";
        await Measure("POST /api/events/communication (handshake)", 0, HttpMethod.Post, events, null,
            """[{"id":"v","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"c"}}]""", eventGridType: "SubscriptionValidation");
        var stop = Notifications.CommunicationEventsTests.SmsReceived(Guid.NewGuid().ToString(), $"+1312{Random.Shared.Next(0, 10_000_000):D7}", "STOP", DateTimeOffset.UtcNow);
        await Measure("POST /api/events/communication (SMSReceived STOP)", 3, HttpMethod.Post, events, null, stop, eventGridType: "Notification");
        await Measure("POST /api/events/communication (redelivery)", 1, HttpMethod.Post, events, null, stop, eventGridType: "Notification");
        await Measure("POST /api/dev/sms/inbound (HELP)", 2, HttpMethod.Post, "api/dev/sms/inbound", null, """{"from":"+13125550199","message":"help"}""");
        await Measure("POST /api/dev/sms/inbound (other text)", 5, HttpMethod.Post, "api/dev/sms/inbound", null,
            JsonSerializer.Serialize(new { from = $"+1312{Random.Shared.Next(0, 10_000_000):D7}", message = "hello?" }));

        // The FHIR API, over a record written straight to the store (its push endpoint is another feature's).
        var record = await Fhir.FhirRecordSamples.WriteAsync(patientId);
        await Measure("GET /api/fhir/r4/metadata", 0, HttpMethod.Get, "api/fhir/r4/metadata", null);
        await Measure("GET /api/fhir/r4/.well-known/smart-configuration", 0, HttpMethod.Get, "api/fhir/r4/.well-known/smart-configuration", null);
        await Measure("GET /api/fhir/r4/{type}?patient (patient, one section)", 3, HttpMethod.Get, $"api/fhir/r4/AllergyIntolerance?patient={patientId}", patient);
        await Measure("GET /api/fhir/r4/{type}?patient (clinician, one section)", 2, HttpMethod.Get, $"api/fhir/r4/Condition?patient={patientId}&_count=2", clinician);
        await Measure("GET /api/fhir/r4/{type}?patient (Observation: vital signs, lab results, home measurements)", 7, HttpMethod.Get, $"api/fhir/r4/Observation?patient={patientId}&date=ge2026-01-01", patient);
        await Measure("GET /api/fhir/r4/{type}?patient (DocumentReference: notes, then documents)", 4, HttpMethod.Get, $"api/fhir/r4/DocumentReference?patient={patientId}", patient);
        await Measure("GET /api/fhir/r4/{type}?patient (Coverage)", 3, HttpMethod.Get, $"api/fhir/r4/Coverage?patient={patientId}", patient);
        await Measure("GET /api/fhir/r4/{type}?patient (ExplanationOfBenefit)", 3, HttpMethod.Get, $"api/fhir/r4/ExplanationOfBenefit?patient={patientId}", patient);
        await Measure("GET /api/fhir/r4/{type}?_id (Patient)", 3, HttpMethod.Get, $"api/fhir/r4/Patient?_id={patientId}", patient);
        await Measure("GET /api/fhir/r4/{type}?patient (stranger, 404)", 2, HttpMethod.Get, $"api/fhir/r4/Immunization?patient={patientId}", stranger);
        await Measure("GET /api/fhir/r4/{type}/{id} (patient)", 4, HttpMethod.Get, $"api/fhir/r4/Observation/{record["bp"].ItemId}", patient);
        await Measure("GET /api/fhir/r4/{type}/{id}?patient (clinician)", 2, HttpMethod.Get, $"api/fhir/r4/Encounter/{record["visit"].ItemId}?patient={patientId}", clinician);
        await Measure("GET /api/fhir/r4/{type}/{id} (Patient)", 3, HttpMethod.Get, $"api/fhir/r4/Patient/{patientId}", patient);
        await Measure("GET /api/fhir/r4/{type}/{id} (unknown id, 404)", 4, HttpMethod.Get, $"api/fhir/r4/AllergyIntolerance/{record["bp"].ItemId}", patient);
        // The record's documents, amendment requests and export (items written through the record store: the push is another endpoint).
        var seeded = await Record.RecordFixtures.SeedAsync(portal.Services, patientId);
        async Task<HttpResponseMessage> Upload(string endpoint, int expected)
        {
            var callId = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/patients/{patientId}/documents?title=Letter&kind=letter&visitId={seeded.VisitId}")
            {
                Content = new ByteArrayContent(Record.RecordFixtures.Pdf("count")),
            };
            request.Content.Headers.ContentType = new("application/pdf");
            request.Headers.Add(StorageRequestCounter.Header, callId);
            request.Headers.Authorization = new("Bearer", clinician);
            var response = await api.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {response.StatusCode}");
            rows.Add((endpoint, expected, TestPortal.StorageRequests.CountOf(callId)));
            return response;
        }

        var document = await Upload("POST /api/patients/{id}/documents (visit linked)", 7);
        var documentId = (await Api.PortalApi.ReadJsonAsync(document))["documentId"]!.GetValue<string>();
        await Measure("GET /api/patients/{id}/documents/{docId}/content (patient)", 3, HttpMethod.Get, $"api/patients/{patientId}/documents/{documentId}/content", patient);
        var amendments = $"api/patients/{patientId}/amendments";
        var filed = await Measure("POST /api/patients/{id}/amendments (about an item)", 5, HttpMethod.Post, amendments, patient,
            JsonSerializer.Serialize(new { section = "allergies", itemId = seeded.AllergyId, whatIsWrong = "Rash, not hives.", shouldSay = "Rash" }));
        var requestId = (await Api.PortalApi.ReadJsonAsync(filed))["requestId"]!.GetValue<string>();
        await Measure("GET /api/patients/{id}/amendments", 3, HttpMethod.Get, amendments, patient);
        var opened = await Measure("GET /api/patients/{id}/amendments/{requestId} (clinician)", 3, HttpMethod.Get, $"{amendments}/{requestId}", clinician);
        await Measure("GET /api/amendments (clinician)", 1, HttpMethod.Get, "api/amendments?pageSize=5", clinician);
        var extended = await Measure("POST /api/patients/{id}/amendments/{requestId}/extend", 6, HttpMethod.Post, $"{amendments}/{requestId}/extend", clinician,
            """{"reason":"Waiting for the hospital's records."}""", opened.Headers.ETag!.ToString());
        await Measure("POST /api/patients/{id}/amendments/{requestId}/accept (stale, 412)", 2, HttpMethod.Post, $"{amendments}/{requestId}/accept", clinician,
            """{"note":"n"}""", opened.Headers.ETag!.ToString());
        var denied = await Measure("POST /api/patients/{id}/amendments/{requestId}/deny", 6, HttpMethod.Post, $"{amendments}/{requestId}/deny", clinician,
            """{"ground":"accurateAndComplete","basis":"The allergist confirmed hives."}""", extended.Headers.ETag!.ToString());
        await Measure("POST /api/patients/{id}/amendments/{requestId}/disagreement", 4, HttpMethod.Post, $"{amendments}/{requestId}/disagreement", patient,
            """{"statement":"It was a rash."}""", denied.Headers.ETag!.ToString());
        var second = await Api.PortalApi.ReadJsonAsync(await Measure("POST /api/patients/{id}/amendments (record in general)", 4, HttpMethod.Post, amendments, patient,
            JsonSerializer.Serialize(new { whatIsWrong = "Wrong pharmacy.", shouldSay = "Walgreens on Clark St." })));
        var secondId = second["requestId"]!.GetValue<string>();
        var secondOpened = await Measure("GET /api/patients/{id}/amendments/{requestId} (record in general)", 2, HttpMethod.Get, $"{amendments}/{secondId}", clinician);
        await Measure("POST /api/patients/{id}/amendments/{requestId}/accept (record in general)", 6, HttpMethod.Post, $"{amendments}/{secondId}/accept", clinician,
            """{"note":"Updated the pharmacy."}""", secondOpened.Headers.ETag!.ToString());
        await Measure("POST /api/patients/{id}/record/export (patient)", 14, HttpMethod.Post, $"api/patients/{patientId}/record/export", patient);
        // Scheduling: a clinic of its own (not counted), then each endpoint; the slot is 3 days out, so both reminders are ahead.
        var clinic = await Scheduling.SchedulingClinic.CreateAsync(api);
        var admin = clinic.Admin;
        var setupId = $"count-{Guid.NewGuid():N}"[..16];
        await Measure("GET /api/clinic/setup", 1, HttpMethod.Get, "api/clinic/setup", patient);
        await Measure("PUT /api/clinic/providers/{id} (create)", 2, HttpMethod.Put, $"api/clinic/providers/{setupId}", admin,
            JsonSerializer.Serialize(new { id = setupId, name = "Dr. Count", specialty = (string?)null, active = true }));
        await Measure("PUT /api/clinic/locations/{id} (create)", 2, HttpMethod.Put, $"api/clinic/locations/{setupId}", admin,
            JsonSerializer.Serialize(new { id = setupId, name = "Count office", line1 = "1 Main St", city = "Chicago", state = "IL", postalCode = "60601", phone = (string?)null }));
        await Measure("PUT /api/clinic/visit-types/{id} (create)", 2, HttpMethod.Put, $"api/clinic/visit-types/{setupId}", admin,
            JsonSerializer.Serialize(Scheduling.SchedulingClinic.VisitType(setupId, "Count visit", 30, "inPerson", "anyone", false, 0)));
        var template = JsonSerializer.Serialize(new { id = setupId, providerId = clinic.ProviderId, locationId = clinic.LocationId, days = new[] { "saturday" }, start = "18:00:00", end = "19:00:00", visitTypeIds = (string[]?)null, validFrom = (string?)null, validTo = (string?)null });
        var savedTemplate = await Measure("PUT /api/clinic/templates/{id} (create)", 3, HttpMethod.Put, $"api/clinic/templates/{setupId}", admin, template);
        var savedException = await Measure("PUT /api/clinic/exceptions/{id} (create)", 3, HttpMethod.Put, $"api/clinic/exceptions/{setupId}", admin,
            JsonSerializer.Serialize(new { id = setupId, providerId = clinic.ProviderId, kind = "timeOff", fromDate = "2030-01-02", toDate = "2030-01-02", start = "12:00:00", end = "13:00:00", locationId = (string?)null, visitTypeIds = (string[]?)null }));
        await Measure("DELETE /api/clinic/exceptions/{id}", 3, HttpMethod.Delete, $"api/clinic/exceptions/{setupId}", admin, ifMatch: savedException.Headers.ETag!.ToString());
        await Measure("DELETE /api/clinic/templates/{id}", 3, HttpMethod.Delete, $"api/clinic/templates/{setupId}", admin, ifMatch: savedTemplate.Headers.ETag!.ToString());
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        var slots = await Measure("GET /api/schedule/slots (one provider, 7 days)", 2, HttpMethod.Get,
            $"api/schedule/slots?visitType={clinic.FollowUp}&provider={clinic.ProviderId}&from={from:yyyy-MM-dd}&to={from.AddDays(6):yyyy-MM-dd}", patient);
        var starts = (await Api.PortalApi.ReadJsonAsync(slots))["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<DateTimeOffset>()).Where(s => s.Minute == 0).ToList();
        string Booking(string visitType, DateTimeOffset start) => JsonSerializer.Serialize(new { visitTypeId = visitType, providerId = clinic.ProviderId, start, reason = "Counting visits" });
        var appointments = $"api/patients/{patientId}/appointments";
        var booked = await Measure("POST /api/patients/{id}/appointments", 12, HttpMethod.Post, appointments, patient, Booking(clinic.FollowUp, starts[0]));
        var appointmentId = (await Api.PortalApi.ReadJsonAsync(booked))["appointmentId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/appointments (overlaps the patient's own visit, 409)", 3, HttpMethod.Post, appointments, clinician, Booking(clinic.FollowUp, starts[0]));
        var (otherPatient, _, _) = await api.RegisterAsync();
        await Measure("POST /api/patients/{id}/appointments (slot taken, 409)", 5, HttpMethod.Post, $"api/patients/{otherPatient}/appointments", clinician, Booking(clinic.FollowUp, starts[0]));
        await Measure("GET /api/patients/{id}/appointments", 4, HttpMethod.Get, appointments, patient);
        await Measure("GET /api/patients/{id}/appointments/{appointmentId}", 4, HttpMethod.Get, $"{appointments}/{appointmentId}", patient);
        await Measure("POST /api/patients/{id}/appointments/{appointmentId}/reschedule", 18, HttpMethod.Post, $"{appointments}/{appointmentId}/reschedule", patient,
            JsonSerializer.Serialize(new { start = starts[1], providerId = (string?)null }));
        await Measure("POST /api/patients/{id}/appointments/{appointmentId}/attendance (too early, 409)", 3, HttpMethod.Post, $"{appointments}/{appointmentId}/attendance", clinician, """{"status":"noShow"}""");
        // The other patient waits for any time of the week (the staff put them on the line): the cancel offers the time to them.
        var waitlist = $"api/patients/{otherPatient}/waitlist";
        var joined = await Measure("POST /api/patients/{id}/waitlist", 6, HttpMethod.Post, waitlist, clinician,
            JsonSerializer.Serialize(new { visitTypeId = clinic.FollowUp, providerId = clinic.ProviderId, from = (string?)null, to = from.AddDays(7) }));
        await Measure("GET /api/patients/{id}/waitlist", 3, HttpMethod.Get, waitlist, clinician);
        await Measure("POST /api/patients/{id}/appointments/{appointmentId}/cancel (one waiting patient told)", 17, HttpMethod.Post, $"{appointments}/{appointmentId}/cancel", patient);
        await Measure("DELETE /api/patients/{id}/waitlist/{entryId}", 5, HttpMethod.Delete, $"{waitlist}/{(await Api.PortalApi.ReadJsonAsync(joined))["entryId"]}", clinician);

        // Check-in: a visit tomorrow (its window is open).
        var tomorrow = await clinic.SlotAsync(patient, clinic.Video, TimeSpan.FromDays(1));
        var visit = (await Api.PortalApi.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, appointments, patient, Booking(clinic.Video, tomorrow))))["appointmentId"]!.GetValue<string>();
        await Measure("GET /api/patients/{id}/appointments/{appointmentId}/check-in", 5, HttpMethod.Get, $"{appointments}/{visit}/check-in", patient);
        await Measure("PUT /api/patients/{id}/appointments/{appointmentId}/check-in", 7, HttpMethod.Put, $"{appointments}/{visit}/check-in", patient,
            """{"contactConfirmed":true,"insuranceConfirmed":true,"answers":[{"linkId":"topic","valueString":"Rash"},{"linkId":"new-medicines","valueBoolean":true}]}""");
        var request = await Api.PortalApi.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, appointments, patient, Booking(clinic.Approval, starts[2])));
        var declined = await Api.PortalApi.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, appointments, patient, Booking(clinic.Approval, starts[4])));
        await Measure("GET /api/schedule/day (one provider, a week, one patient)", 3, HttpMethod.Get, $"api/schedule/day?provider={clinic.ProviderId}&date={from:yyyy-MM-dd}&days=7", clinician);
        await Measure("GET /api/schedule/requests?provider (one provider)", 1, HttpMethod.Get, $"api/schedule/requests?provider={clinic.ProviderId}", clinician);
        await Measure("POST /api/patients/{id}/appointments/{appointmentId}/approve", 10, HttpMethod.Post, $"{appointments}/{request["appointmentId"]}/approve", clinician);
        await Measure("GET /api/patients/{id}/appointments/{appointmentId}/calendar.ics", 4, HttpMethod.Get, $"{appointments}/{request["appointmentId"]}/calendar.ics", patient);
        var feed = await Measure("POST /api/patients/{id}/calendar-feed", 5, HttpMethod.Post, $"api/patients/{patientId}/calendar-feed", patient);
        await Measure("GET /api/calendar/{token}.ics", 4, HttpMethod.Get, (await Api.PortalApi.ReadJsonAsync(feed))["path"]!.GetValue<string>().TrimStart('/'), null);
        await Measure("DELETE /api/patients/{id}/calendar-feed", 5, HttpMethod.Delete, $"api/patients/{patientId}/calendar-feed", patient);
        await Measure("POST /api/patients/{id}/appointments/{appointmentId}/decline", 11, HttpMethod.Post, $"{appointments}/{declined["appointmentId"]}/decline", clinician, """{"reason":"Labs first."}""");
        var billing = await api.TokenAsync(Api.PortalApi.UniqueSubject("billing"), ["Billing"]);
        var bill = $"api/patients/{patientId}/billing";
        await Measure("POST /api/patients/{id}/billing/entries (first: the balance opens)", 5, HttpMethod.Post, $"{bill}/entries", billing, JsonSerializer.Serialize(Billing.BillingCalls.Charge("200.00")));
        await Measure("POST /api/patients/{id}/billing/entries", 3, HttpMethod.Post, $"{bill}/entries", billing, """{"kind":"insurancePayment","amount":"50.00","reason":"ERA"}""");
        await Measure("GET /api/patients/{id}/billing (patient)", 4, HttpMethod.Get, bill, patient);
        await Measure("GET /api/patients/{id}/billing (clinician, 403)", 2, HttpMethod.Get, bill, clinician);
        await Measure("GET /api/patients/{id}/billing/activity", 3, HttpMethod.Get, $"{bill}/activity", patient);
        var checkout = await Measure("POST /api/patients/{id}/billing/payments (development provider)", 5, HttpMethod.Post, $"{bill}/payments", patient, """{"amount":"20.00"}""");
        var checkoutUrl = (await Api.PortalApi.ReadJsonAsync(checkout))["checkoutUrl"]!.GetValue<string>().TrimStart('/');
        await Measure("POST /api/dev/payments/{sessionId}/complete", 1, HttpMethod.Post, checkoutUrl, null);
        var paymentIntent = $"pi_count_{Guid.NewGuid():N}";
        var paid = Billing.StripeWebhookEvents.CheckoutCompleted($"evt_{paymentIntent}", patientId, paymentIntent, 1000);
        await MeasureWebhook("POST /api/billing/webhooks/stripe (payment)", 3, paid, Billing.StripeWebhookEvents.Sign(paid));
        await MeasureWebhook("POST /api/billing/webhooks/stripe (duplicate)", 6, paid, Billing.StripeWebhookEvents.Sign(paid));
        await MeasureWebhook("POST /api/billing/webhooks/stripe (bad signature, 400)", 0, paid, "t=1,v1=00");
        var refunded = Billing.StripeWebhookEvents.ChargeRefunded($"evt_r_{paymentIntent}", paymentIntent, 1000, 400);
        await MeasureWebhook("POST /api/billing/webhooks/stripe (charge.refunded)", 5, refunded, Billing.StripeWebhookEvents.Sign(refunded));
        var activity = await Api.PortalApi.ReadJsonAsync(await api.GetAsync($"{bill}/activity", patient));
        var cardEntry = activity["items"]!.AsArray().Last(e => e!["kind"]!.GetValue<string>() == "patientPayment")!["entryId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/billing/refunds (development provider)", 5, HttpMethod.Post, $"{bill}/refunds", billing,
            JsonSerializer.Serialize(new { entryId = cardEntry, amount = "1.00", reason = "Count" }));
        Assert.Equal(1, await Billing.StatementRun.CloseAsync(Billing.StatementRun.NextMonth, patientId));
        var statementId = Billing.StatementRun.NextMonth.ToString("yyyy-MM");
        await Measure("GET /api/patients/{id}/billing/statements", 3, HttpMethod.Get, $"{bill}/statements", patient);
        await Measure("GET /api/patients/{id}/billing/statements/{statementId}", 4, HttpMethod.Get, $"{bill}/statements/{statementId}", patient);
        await Measure("GET /api/patients/{id}/billing/statements/{statementId}/pdf", 4, HttpMethod.Get, $"{bill}/statements/{statementId}/pdf", patient);
        await Measure("POST /api/patients/{id}/billing/plan", 4, HttpMethod.Post, $"{bill}/plan", patient, """{"instalments":2}""");
        await Measure("GET /api/patients/{id}/billing/plan", 3, HttpMethod.Get, $"{bill}/plan", patient);
        var claimBody = """{"visitId":"visit-1","serviceDate":"2026-01-05","payer":"Aetna","status":"submitted","submitted":"100.00"}""";
        var savedClaim = await Measure("PUT /api/patients/{id}/billing/claims/{claimId} (new)", 4, HttpMethod.Put, $"{bill}/claims/CLM-1", billing, claimBody);
        await Measure("PUT /api/patients/{id}/billing/claims/{claimId}", 3, HttpMethod.Put, $"{bill}/claims/CLM-1", billing, claimBody, savedClaim.Headers.ETag!.ToString());
        await Measure("GET /api/patients/{id}/billing/claims", 3, HttpMethod.Get, $"{bill}/claims", patient);
        await Measure("POST /api/billing/claims/import (one claim)", 3, HttpMethod.Post, "api/billing/claims/import", billing,
            $$"""[{"patientId":"{{patientId}}","claimId":"CLM-2","claim":{{claimBody}}}]""");
        await Measure("GET /api/billing/estimates", 0, HttpMethod.Get, "api/billing/estimates", patient);
        await Measure("GET /api/patients/{id}/billing (after a statement)", 4, HttpMethod.Get, bill, patient);
        var services = portal.Services;
        var statement = (await services.GetRequiredService<Portal.Core.Billing.IStatements>().FindAsync(patientId, statementId, default))!;
        var link = (await services.GetRequiredService<Portal.Core.Billing.IPayLinks>().FindAsync(statement.PayLinkId!, default))!;
        var payToken = services.GetRequiredService<Portal.Core.Billing.PayLinkTokens>().TokenOf(link);
        await Measure("GET /api/pay/{token}", 5, HttpMethod.Get, $"api/pay/{payToken}", null);
        await Measure("POST /api/pay/{token}/checkout (development provider)", 8, HttpMethod.Post, $"api/pay/{payToken}/checkout", null);
        await Measure("GET /api/pay/{token} (wrong token, 404)", 3, HttpMethod.Get, $"api/pay/{new string('x', 54)}", null);
        // Lab results: one HL7 message for this patient (matched), its redelivery, one for nobody (unmatched).
        var labToken = await api.TokenAsync(Api.PortalApi.UniqueSubject("lab"), ["Lab.Push"]);
        var labAdmin = await api.TokenAsync(Api.PortalApi.UniqueSubject("admin"), ["Admin"]);
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
        await Measure("POST /api/labs/unmatched/{unmatchedId}/reject", 4, HttpMethod.Post, $"api/labs/unmatched/{unmatched["unmatchedId"]}/reject", labAdmin, """{"reason":"Not our patient."}""");
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

        // Prescriptions: the patient's medications written through the record store (not counted), then each endpoint.
        var meds = await Prescriptions.PrescriptionFixtures.SeedAsync(portal.Services, patientId);
        await Measure("GET /api/patients/{id}/medications", 5, HttpMethod.Get, $"api/patients/{patientId}/medications", patient);
        await Measure("GET /api/patients/{id}/pharmacies", 3, HttpMethod.Get, $"api/patients/{patientId}/pharmacies", patient);
        var refills = $"api/patients/{patientId}/refill-requests";
        var refill = await Api.PortalApi.ReadJsonAsync(await Measure("POST /api/patients/{id}/refill-requests", 7, HttpMethod.Post, refills, patient,
            JsonSerializer.Serialize(new { medicationIds = new[] { meds.Lisinopril }, pharmacy = Prescriptions.PrescriptionFixtures.NewPharmacy })));
        var refillId = refill["requestId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/refill-requests (open already, 409)", 4, HttpMethod.Post, refills, patient,
            JsonSerializer.Serialize(new { medicationIds = new[] { meds.Lisinopril }, pharmacy = Prescriptions.PrescriptionFixtures.NewPharmacy }));
        await Measure("GET /api/patients/{id}/refill-requests", 3, HttpMethod.Get, refills, patient);
        var refillRead = await Measure("GET /api/patients/{id}/refill-requests/{requestId}", 2, HttpMethod.Get, $"{refills}/{refillId}", clinician);
        var reviewed = await Measure("POST /api/patients/{id}/refill-requests/{requestId}/review", 6, HttpMethod.Post, $"{refills}/{refillId}/review", clinician, "{}", refillRead.Headers.ETag!.ToString());
        await Measure("GET /api/refill-queue (clinician)", 1, HttpMethod.Get, "api/refill-queue?pageSize=5", clinician);
        await Measure("POST /api/patients/{id}/refill-requests/{requestId}/approve", 12, HttpMethod.Post, $"{refills}/{refillId}/approve", clinician,
            JsonSerializer.Serialize(new { medications = new[] { new { medicationId = meds.Lisinopril, refills = 3 } } }), reviewed.Headers.ETag!.ToString());
        var secondRefill = await Measure("POST /api/patients/{id}/refill-requests (second)", 7, HttpMethod.Post, refills, patient,
            JsonSerializer.Serialize(new { medicationIds = new[] { meds.Metformin }, pharmacyId = refill["pharmacy"]!["pharmacyId"]!.GetValue<string>() }));
        var secondRefillId = (await Api.PortalApi.ReadJsonAsync(secondRefill))["requestId"]!.GetValue<string>();
        var cancelled = await Measure("POST /api/patients/{id}/refill-requests/{requestId}/cancel", 5, HttpMethod.Post, $"{refills}/{secondRefillId}/cancel", patient, null, secondRefill.Headers.ETag!.ToString());
        await Measure("POST /api/patients/{id}/refill-requests/{requestId}/deny (cancelled, 409)", 3, HttpMethod.Post, $"{refills}/{secondRefillId}/deny", clinician,
            """{"reason":"No."}""", cancelled.Headers.ETag!.ToString());
        var third = await Measure("POST /api/patients/{id}/refill-requests (third)", 7, HttpMethod.Post, refills, patient,
            JsonSerializer.Serialize(new { medicationIds = new[] { meds.Metformin }, pharmacyId = refill["pharmacy"]!["pharmacyId"]!.GetValue<string>() }));
        var thirdId = (await Api.PortalApi.ReadJsonAsync(third))["requestId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/refill-requests/{requestId}/needs-visit", 7, HttpMethod.Post, $"{refills}/{thirdId}/needs-visit", clinician,
            JsonSerializer.Serialize(new { visitTypeId = clinic.FollowUp }), third.Headers.ETag!.ToString());
        var fourth = await Measure("POST /api/patients/{id}/refill-requests (fourth)", 7, HttpMethod.Post, refills, patient,
            JsonSerializer.Serialize(new { medicationIds = new[] { meds.Metformin }, pharmacyId = refill["pharmacy"]!["pharmacyId"]!.GetValue<string>() }));
        var fourthId = (await Api.PortalApi.ReadJsonAsync(fourth))["requestId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/refill-requests/{requestId}/deny", 6, HttpMethod.Post, $"{refills}/{fourthId}/deny", clinician, """{"reason":"Labs first."}""", fourth.Headers.ETag!.ToString());
        await Measure("POST /api/refill-queue/decisions (one stale decision)", 2, HttpMethod.Post, "api/refill-queue/decisions", clinician,
            JsonSerializer.Serialize(new { decisions = new[] { new { patientId, requestId = thirdId, eTag = third.Headers.ETag!.ToString(), action = "deny", denial = new { reason = "r" } } } }));
        var reportedMedication = await Measure("POST /api/patients/{id}/reported-medications", 4, HttpMethod.Post, $"api/patients/{patientId}/reported-medications", patient,
            """{"name":"Ibuprofen 200 MG","source":"overTheCounter"}""");
        var reportedAllergy = await Measure("POST /api/patients/{id}/reported-allergies", 4, HttpMethod.Post, $"api/patients/{patientId}/reported-allergies", patient, """{"substance":"Latex"}""");
        await Measure("GET /api/patients/{id}/reported-items", 3, HttpMethod.Get, $"api/patients/{patientId}/reported-items", patient);
        await Measure("GET /api/reconciliation-queue (clinician)", 1, HttpMethod.Get, "api/reconciliation-queue?pageSize=5", clinician);
        var medicationReport = (await Api.PortalApi.ReadJsonAsync(reportedMedication))["report"]!["reportId"]!.GetValue<string>();
        var allergyReport = (await Api.PortalApi.ReadJsonAsync(reportedAllergy))["report"]!["reportId"]!.GetValue<string>();
        await Measure("POST /api/patients/{id}/reported-items/{reportId}/stop", 4, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{allergyReport}/stop", patient, "{}",
            reportedAllergy.Headers.ETag!.ToString());
        await Measure("POST /api/patients/{id}/reported-items/{reportId}/reconcile (accepted)", 9, HttpMethod.Post, $"api/patients/{patientId}/reported-items/{medicationReport}/reconcile", clinician,
            """{"outcome":"accepted"}""", reportedMedication.Headers.ETag!.ToString());
        // Caregivers: an invitation redeemed, changed, listed, read as FHIR and revoked; a request filed, documented and approved.
        var inviteeEmail = Caregivers.CaregiverCalls.UniqueEmail();
        var invited = await Measure("POST /api/patients/{id}/proxies/invitations", 8, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", patient,
            JsonSerializer.Serialize(Caregivers.CaregiverCalls.Invitation(inviteeEmail, ["appointments.read"])));
        var invitationCode = await Caregivers.CaregiverCalls.CodeSentToAsync(api, inviteeEmail);
        var carer = await api.TokenAsync(Api.PortalApi.UniqueSubject("carer"));
        await Measure("POST /api/me/proxy-invitations/redeem", 10, HttpMethod.Post, "api/me/proxy-invitations/redeem", carer,
            JsonSerializer.Serialize(new { code = invitationCode, birthDate, codeWord = (string?)null }));
        var proxies = await Measure("GET /api/patients/{id}/proxies", 4, HttpMethod.Get, $"api/patients/{patientId}/proxies", patient);
        var listedGrant = (await Api.PortalApi.ReadJsonAsync(proxies))["grants"]![0]!;
        var grantPath = $"api/patients/{patientId}/proxies/{listedGrant["grantId"]}";
        await Measure("PATCH /api/patients/{id}/proxies/{grantId}", 8, HttpMethod.Patch, grantPath, patient,
            """{"scopes":["appointments.read","billing.read"],"accessEndsOn":null,"removeEndDate":false}""", listedGrant["eTag"]!.GetValue<string>());
        await Measure("PATCH /api/patients/{id}/proxies/{grantId} (stale, 412)", 3, HttpMethod.Patch, grantPath, patient,
            """{"scopes":["appointments.read"],"accessEndsOn":null,"removeEndDate":false}""", listedGrant["eTag"]!.GetValue<string>());
        await Measure("GET /api/fhir/r4/{type}?patient (RelatedPerson)", 3, HttpMethod.Get, $"api/fhir/r4/RelatedPerson?patient={patientId}", patient);
        await Measure("GET /api/fhir/r4/{type}/{id} (Consent)", 4, HttpMethod.Get, $"api/fhir/r4/Consent/{listedGrant["grantId"]}", patient);
        await Measure("GET /api/patients/{id}/appointments (caregiver)", 4, HttpMethod.Get, $"api/patients/{patientId}/appointments", carer);
        await Measure("DELETE /api/patients/{id}/proxies/{grantId}", 8, HttpMethod.Delete, grantPath, patient);
        await Measure("GET /api/patients/{id}/appointments (revoked caregiver, 404)", 2, HttpMethod.Get, $"api/patients/{patientId}/appointments", carer);
        var withdrawn = await Api.PortalApi.ReadJsonAsync(await Measure("POST /api/patients/{id}/proxies/invitations (second)", 8, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", patient,
            JsonSerializer.Serialize(Caregivers.CaregiverCalls.Invitation(Caregivers.CaregiverCalls.UniqueEmail(), ["billing.read"]))));
        await Measure("DELETE /api/patients/{id}/proxies/invitations/{invitationId}", 4, HttpMethod.Delete, $"api/patients/{patientId}/proxies/invitations/{withdrawn["invitationId"]}", patient);
        _ = invited;

        var requester = await api.TokenAsync(Api.PortalApi.UniqueSubject("guardian"));
        var reviewer = await api.TokenAsync(Api.PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var proxyRequest = await Api.PortalApi.ReadJsonAsync(await Measure("POST /api/proxy-requests", 3, HttpMethod.Post, "api/proxy-requests", requester,
            JsonSerializer.Serialize(Caregivers.ProxyRequestTests.Request("Count Patient", DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture)))));
        var requestPath = $"api/proxy-requests/{proxyRequest["requestId"]}";
        var requestDocument = await Api.PortalApi.ReadJsonAsync(await Measure("POST /api/proxy-requests/{requestId}/documents", 5, HttpMethod.Post, $"{requestPath}/documents?kind=guardianship&fileName=order.pdf", requester,
            file: (Record.RecordFixtures.Pdf("order"), "application/pdf")));
        await Measure("GET /api/proxy-requests/{requestId}", 2, HttpMethod.Get, requestPath, requester);
        await Measure("GET /api/proxy-requests/{requestId} (stranger, 404)", 2, HttpMethod.Get, requestPath, stranger);
        await Measure("GET /api/proxy-requests/{requestId}/documents/{documentId}", 2, HttpMethod.Get, $"{requestPath}/documents/{requestDocument["documentId"]}", reviewer);
        await Measure("GET /api/proxy-requests", 1, HttpMethod.Get, "api/proxy-requests?pageSize=5", reviewer);
        await Measure("POST /api/proxy-requests/{requestId}/decision (approve)", 13, HttpMethod.Post, $"{requestPath}/decision", reviewer,
            JsonSerializer.Serialize(Caregivers.ProxyRequestTests.Approval(patientId, ["appointments.read"])));
        await Measure("DELETE /api/me/proxies/{patientId}", 8, HttpMethod.Delete, $"api/me/proxies/{patientId}", requester);
        // The journal, questions for the next visit, shares, and the self-check.
        var journal = $"api/patients/{patientId}/journal";
        var entry = await Measure("POST /api/patients/{id}/journal", 3, HttpMethod.Post, journal, patient,
            JsonSerializer.Serialize(new { kind = "measurement", at = DateTimeOffset.UtcNow.AddHours(-1), measurement = new { type = "bloodPressure", systolic = 131, diastolic = 84 } }));
        var entryId = (await Api.PortalApi.ReadJsonAsync(entry))["entryId"]!.GetValue<string>();
        await Measure("GET /api/patients/{id}/journal", 3, HttpMethod.Get, $"{journal}?kind=measurement", patient);
        var readEntry = await Measure("GET /api/patients/{id}/journal/{entryId}", 4, HttpMethod.Get, $"{journal}/{entryId}", patient);
        var editedEntry = await Measure("PUT /api/patients/{id}/journal/{entryId}", 5, HttpMethod.Put, $"{journal}/{entryId}", patient,
            JsonSerializer.Serialize(new { kind = "measurement", at = DateTimeOffset.UtcNow.AddHours(-2), measurement = new { type = "bloodPressure", systolic = 129, diastolic = 84 } }),
            readEntry.Headers.ETag!.ToString());
        var note = await Api.PortalApi.ReadJsonAsync(await Measure("POST /api/patients/{id}/journal (a note to delete)", 3, HttpMethod.Post, journal, patient,
            JsonSerializer.Serialize(new { kind = "note", at = DateTimeOffset.UtcNow.AddHours(-1), text = "Slept badly." })));
        await Measure("DELETE /api/patients/{id}/journal/{entryId}", 5, HttpMethod.Delete, $"{journal}/{note["entryId"]}", patient, ifMatch: "*");
        var question = await Measure("POST /api/patients/{id}/journal/questions", 4, HttpMethod.Post, $"{journal}/questions", patient, """{"text":"Should I still take it with food?"}""");
        var questionId = (await Api.PortalApi.ReadJsonAsync(question))["questionId"]!.GetValue<string>();
        await Measure("GET /api/patients/{id}/journal/questions", 4, HttpMethod.Get, $"{journal}/questions", patient);
        var changedQuestion = await Measure("PATCH /api/patients/{id}/journal/questions/{questionId}", 5, HttpMethod.Patch, $"{journal}/questions/{questionId}", patient,
            """{"share":true}""", question.Headers.ETag!.ToString());
        await Measure("DELETE /api/patients/{id}/journal/questions/{questionId}", 4, HttpMethod.Delete, $"{journal}/questions/{questionId}", patient, ifMatch: changedQuestion.Headers.ETag!.ToString());
        var clinicToday = await Journal.JournalCalls.ClinicTodayAsync();
        await Measure("POST /api/patients/{id}/journal/shares (fhir, 1 entry)", 5, HttpMethod.Post, $"{journal}/shares", patient,
            JsonSerializer.Serialize(new { from = clinicToday.AddDays(-1), until = clinicToday, @as = "fhir" }));
        await Measure("POST /api/patients/{id}/journal/shares (message with the PDF)", 23, HttpMethod.Post, $"{journal}/shares", patient,
            JsonSerializer.Serialize(new { from = clinicToday.AddDays(-1), until = clinicToday, @as = "message" }));
        await Measure("GET /api/patients/{id}/journal/shares", 3, HttpMethod.Get, $"{journal}/shares", patient);
        await Measure("GET /api/patients/{id}/results/trends (with home values)", 7, HttpMethod.Get, $"api/patients/{patientId}/results/trends?code=8480-6", patient);
        await Measure("GET /api/patients/{id}/self-check", 12, HttpMethod.Get, $"api/patients/{patientId}/self-check", patient);
        await Measure("GET /api/patients/{id}/self-check (clinician, 403)", 1, HttpMethod.Get, $"api/patients/{patientId}/self-check", clinician);
        await Measure("POST /api/patients/{id}/self-check/confirmations", 4, HttpMethod.Post, $"api/patients/{patientId}/self-check/confirmations", patient, """{"section":"medications"}""");
        Assert.NotNull(editedEntry.Headers.ETag);

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
