using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using System.Net;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Caregivers.CaregiverCalls;

namespace Portal.IntegrationTests.Caregivers;

/// <summary>A patient invites a caregiver, narrows and ends their access; the caregiver redeems, works within the grant, and is told.</summary>
public sealed class CaregiverStoryTests
{
    [Fact]
    public async Task A_patient_invites_a_caregiver_who_redeems_works_within_the_scopes_and_loses_them_on_the_next_request()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, code, birthDate) = await api.RegisterAsync();
        var patientSubject = PortalApi.UniqueSubject();
        var patient = await api.TokenAsync(patientSubject);
        (await api.ActivateAsync(patient, code, birthDate)).Dispose();
        var withoutMfa = await api.TokenAsync(patientSubject, mfa: false);
        var email = UniqueEmail();

        // Inviting needs MFA and good fields; the code goes to the caregiver, never into the answer.
        var noScopes = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", patient, Invitation(email, []));
        Assert.Equal(HttpStatusCode.BadRequest, noScopes.Status);
        Assert.NotNull(noScopes.Body["errors"]!["scopes"]);
        var invited = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", patient, Invitation(email, ["appointments.read", "results.read"]));
        Assert.Equal(HttpStatusCode.Created, invited.Status);
        Assert.Equal(("pending", "birthDate"), (invited.Body["status"]!.GetValue<string>(), invited.Body["verification"]!.GetValue<string>()));
        Assert.DoesNotContain("code", invited.Body.Select(p => p.Key));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", withoutMfa, Invitation(UniqueEmail(), ["billing.read"]))).Status);
        var sent = await CodeSentToAsync(api, email);

        // The caregiver signs in with their own account; a wrong birth date is a field error, the right one links them.
        var caregiverSubject = PortalApi.UniqueSubject("carer");
        var caregiver = await api.TokenAsync(caregiverSubject);
        var wrong = await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", caregiver, new { code = sent, birthDate = birthDate.AddDays(1), codeWord = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.NotNull(wrong.Body["errors"]!["birthDate"]);
        var redeemed = await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", caregiver, new { code = sent, birthDate, codeWord = (string?)null });
        Assert.Equal(HttpStatusCode.OK, redeemed.Status);
        var again = await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", caregiver, new { code = sent, birthDate, codeWord = (string?)null });
        Assert.Equal(HttpStatusCode.OK, again.Status); // a retry of the same person answers the same
        var someoneElse = await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", await api.TokenAsync(PortalApi.UniqueSubject()), new { code = sent, birthDate, codeWord = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, someoneElse.Status);

        var me = await SendAsync(api, HttpMethod.Get, "api/me", caregiver);
        var mine = Assert.Single(me.Body["patients"]!.AsArray())!;
        Assert.Equal(patientId, mine["patientId"]!.GetValue<string>());
        Assert.Equal(["appointments.read", "results.read"], mine["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/results", caregiver)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/profile", caregiver)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/proxies", caregiver)).Status);

        // The patient sees the grant and narrows it (MFA, If-Match): results stop on the caregiver's next request.
        var listed = await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/proxies", patient);
        var grant = Assert.Single(listed.Body["grants"]!.AsArray())!;
        Assert.Equal(("active", "Rosa Díaz", "invitation"), (grant["status"]!.GetValue<string>(), grant["caregiverName"]!.GetValue<string>(), grant["source"]!.GetValue<string>()));
        Assert.Empty(listed.Body["invitations"]!.AsArray());
        var grantId = grant["grantId"]!.GetValue<string>();
        var path = $"api/patients/{patientId}/proxies/{grantId}";
        var narrow = new { scopes = new[] { "appointments.read" }, accessEndsOn = (DateOnly?)null, removeEndDate = false };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(api, HttpMethod.Patch, path, patient, narrow)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(api, HttpMethod.Patch, path, withoutMfa, narrow, grant["eTag"]!.GetValue<string>())).Status);
        var narrowed = await SendAsync(api, HttpMethod.Patch, path, patient, narrow, grant["eTag"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, narrowed.Status);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(api, HttpMethod.Patch, path, patient, narrow, grant["eTag"]!.GetValue<string>())).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/results", caregiver)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/appointments", caregiver)).Status);

        // Revoked: the next request does not find the patient; the history stays with the patient.
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(api, HttpMethod.Delete, path, patient)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/appointments", caregiver)).Status);
        Assert.Empty((await SendAsync(api, HttpMethod.Get, "api/me", caregiver)).Body["patients"]!.AsArray());
        var ended = Assert.Single((await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/proxies", patient)).Body["grants"]!.AsArray())!;
        Assert.Equal(("ended", "revoked"), (ended["status"]!.GetValue<string>(), ended["endReason"]!.GetValue<string>()));

        // Told on every change: the patient's security notices, the caregiver's own notices (started, changed, ended).
        var notices = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/notifications?pageSize=50", patient)).Body["items"]!.AsArray();
        Assert.Equal(4, notices.Count(n => n!["kind"]!.GetValue<string>() == "securityNotice")); // invited, started, changed, revoked
        Assert.Equal(
            ["caregiverAccessChanged", "caregiverAccessEnded", "caregiverAccessStarted"],
            notices.Where(n => n!["kind"]!.GetValue<string>().StartsWith("caregiverAccess", StringComparison.Ordinal)).Select(n => n!["kind"]!.GetValue<string>()).Order());
        Assert.Single(notices, n => n!["kind"]!.GetValue<string>() == "proxyInvitation" && n["recipient"]!.GetValue<string>() == "caregiver");

        // Every step of the caregiver is in the patient's access log, as a proxy on behalf of the patient.
        var log = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/access-log?pageSize=100", patient)).Body["items"]!.AsArray();
        Assert.Contains(log, e => e!["actor"]!["subject"]!.GetValue<string>() == caregiverSubject && e["actingAs"]!.GetValue<string>() == "proxy"
            && e["onBehalfOf"]!.GetValue<string>() == patientId && e["action"]!.GetValue<string>() == "results.read");
        Assert.Contains(log, e => e!["action"]!.GetValue<string>() == "proxies.redeem" && e["actor"]!["subject"]!.GetValue<string>() == caregiverSubject);
        Assert.Contains(log, e => e!["action"]!.GetValue<string>() == "proxies.revoke");
    }

    [Fact]
    public async Task Five_wrong_code_words_lock_the_invitation_even_for_the_right_word()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var email = UniqueEmail();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", patient, Invitation(email, ["billing.read"], codeWord: "Blue heron"))).Status);
        var code = await CodeSentToAsync(api, email);
        var caregiver = await api.TokenAsync(PortalApi.UniqueSubject("carer"));

        var birthDateInstead = await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", caregiver, new { code, birthDate = new DateOnly(1980, 5, 17), codeWord = (string?)null });
        Assert.NotNull(birthDateInstead.Body["errors"]!["codeWord"]);
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", caregiver, new { code, birthDate = (DateOnly?)null, codeWord = $"guess {attempt}" })).Status);
        }

        var locked = await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", caregiver, new { code, birthDate = (DateOnly?)null, codeWord = " blue HERON " });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        var listed = Assert.Single((await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/proxies", patient)).Body["invitations"]!.AsArray())!;
        Assert.Equal("locked", listed["status"]!.GetValue<string>());
        Assert.Empty((await SendAsync(api, HttpMethod.Get, "api/me", caregiver)).Body["patients"]!.AsArray());
    }

    [Fact]
    public async Task A_caregiver_ends_their_own_access_and_only_the_patient_invites()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, code, birthDate) = await api.RegisterAsync();
        var patient = await api.TokenAsync(PortalApi.UniqueSubject());
        (await api.ActivateAsync(patient, code, birthDate)).Dispose();
        var (caregiver, _) = await InvitedCaregiverAsync(api, patientId, patient, birthDate, "appointments.write");
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", caregiver, Invitation(UniqueEmail(), ["billing.read"]))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", frontDesk, Invitation(UniqueEmail(), ["billing.read"]))).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/proxies", frontDesk)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(api, HttpMethod.Delete, $"api/me/proxies/{patientId}", caregiver)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/appointments", caregiver)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Delete, $"api/me/proxies/{patientId}", patient)).Status);
        var ended = Assert.Single((await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/proxies", patient)).Body["grants"]!.AsArray())!;
        Assert.Equal("ended-by-caregiver", ended["endReason"]!.GetValue<string>());

        // A withdrawn invitation's code stops working at once.
        var email = UniqueEmail();
        var second = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/proxies/invitations", patient, Invitation(email, ["billing.read"]));
        var sent = await CodeSentToAsync(api, email);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(api, HttpMethod.Delete, $"api/patients/{patientId}/proxies/invitations/{second.Body["invitationId"]!.GetValue<string>()}", patient)).Status);
        var late = await SendAsync(api, HttpMethod.Post, "api/me/proxy-invitations/redeem", await api.TokenAsync(PortalApi.UniqueSubject()), new { code = sent, birthDate, codeWord = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
    }

    [Fact]
    public async Task The_patient_reads_the_grants_as_fhir_related_persons_and_consents_that_validate()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, code, birthDate) = await api.RegisterAsync();
        var patient = await api.TokenAsync(PortalApi.UniqueSubject());
        (await api.ActivateAsync(patient, code, birthDate)).Dispose();
        var (caregiver, _) = await InvitedCaregiverAsync(api, patientId, patient, birthDate, "appointments.write", "messages.read");

        var persons = await FhirAsync(api, $"api/fhir/r4/RelatedPerson?patient={patientId}", patient);
        var person = Assert.Single(persons["entry"]!.AsArray())!["resource"]!;
        Assert.Equal(("RelatedPerson", "PRN", true), (person["resourceType"]!.GetValue<string>(), person["relationship"]![0]!["coding"]![0]!["code"]!.GetValue<string>(), person["active"]!.GetValue<bool>()));
        var consent = await FhirAsync(api, $"api/fhir/r4/Consent/{person["id"]!.GetValue<string>()}", patient);
        Assert.Equal("active", consent["status"]!.GetValue<string>());
        Assert.Equal(["appointments.write", "messages.read"], consent["provision"]!["code"]!.AsArray().Select(c => c!["coding"]![0]!["code"]!.GetValue<string>()));
        Assert.Equal($"RelatedPerson/{person["id"]}", consent["provision"]!["actor"]![0]!["reference"]!["reference"]!.GetValue<string>());
        Assert.Empty(Fhir.FhirValidation.Errors(new FhirJsonDeserializer().Deserialize<Bundle>(persons.ToJsonString())));
        Assert.Empty(Fhir.FhirValidation.Errors(new FhirJsonDeserializer().Deserialize<Consent>(consent.ToJsonString())));

        using var asCaregiver = await api.GetAsync($"api/fhir/r4/Consent?patient={patientId}", caregiver);
        Assert.Equal(HttpStatusCode.Forbidden, asCaregiver.StatusCode);
    }

    private static async Task<JsonObject> FhirAsync(PortalApi api, string path, string token)
    {
        using var response = await api.GetAsync(path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
