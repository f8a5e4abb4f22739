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

        async Task<HttpResponseMessage> Measure(string endpoint, int expected, HttpMethod method, string path, string? token, string? body = null, string? ifMatch = null, string? eventGridType = null)
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
