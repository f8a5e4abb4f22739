using System.Net;
using System.Text.Json;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Profile;

/// <summary>The patient's path end to end over real HTTP: activation, profile, optimistic concurrency, access log.</summary>
public class ActivationAndProfileTests
{
    [Fact]
    public async Task Activation_then_profile_then_a_stale_write_is_412_and_the_access_log_shows_the_reads()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, subject) = await api.NewActivatedPatientAsync();

        using var me = await api.GetAsync("api/me", token);
        var mine = await PortalApi.ReadJsonAsync(me);
        Assert.Equal(patientId, mine["patients"]![0]!["patientId"]!.GetValue<string>());
        Assert.Equal("self", mine["patients"]![0]!["relationship"]!.GetValue<string>());

        using var read = await api.GetAsync($"api/patients/{patientId}/profile", token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var firstETag = read.Headers.ETag!.ToString();
        Assert.Equal("Test", (await PortalApi.ReadJsonAsync(read))["givenName"]!.GetValue<string>());

        using var write = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", token, """{"preferredLanguage":"es-MX"}""", firstETag, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.NotEqual(firstETag, write.Headers.ETag!.ToString());
        Assert.Equal("es-MX", (await PortalApi.ReadJsonAsync(write))["preferredLanguage"]!.GetValue<string>());

        using var stale = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", token, """{"preferredLanguage":"fr"}""", firstETag);
        await PortalApi.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);

        using var reread = await api.GetAsync($"api/patients/{patientId}/profile", token);
        Assert.Equal("es-MX", (await PortalApi.ReadJsonAsync(reread))["preferredLanguage"]!.GetValue<string>());

        using var log = await api.GetAsync($"api/patients/{patientId}/access-log?pageSize=10", token);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var items = (await PortalApi.ReadJsonAsync(log))["items"]!.AsArray();
        var mine_ = items.Where(i => i!["actor"]!["subject"]!.GetValue<string>() == subject).Select(i => (i!["action"]!.GetValue<string>(), i["outcome"]!.GetValue<string>())).ToList();
        Assert.Equal(
            [("profile.read", "success"), ("profile.write", "failed"), ("profile.write", "success"), ("profile.read", "success"), ("activation.redeem", "success")],
            mine_);
        var times = items.Select(i => i!["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task Someone_elses_patient_id_is_404_and_the_attempt_is_in_that_patients_log()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, ownerToken, _) = await api.NewActivatedPatientAsync();
        var strangerSubject = PortalApi.UniqueSubject("stranger");
        var stranger = await api.TokenAsync(strangerSubject);

        using var read = await api.GetAsync($"api/patients/{patientId}/profile", stranger);
        using var missing = await api.GetAsync($"api/patients/{Guid.NewGuid():N}/profile", stranger);
        using var log = await api.GetAsync($"api/patients/{patientId}/access-log", stranger);

        var readProblem = await PortalApi.AssertProblemAsync(read, HttpStatusCode.NotFound);
        var missingProblem = await PortalApi.AssertProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(missingProblem["detail"]!.GetValue<string>(), readProblem["detail"]!.GetValue<string>());
        await PortalApi.AssertProblemAsync(log, HttpStatusCode.NotFound);

        using var ownerLog = await api.GetAsync($"api/patients/{patientId}/access-log", ownerToken);
        var denied = (await PortalApi.ReadJsonAsync(ownerLog))["items"]!.AsArray()
            .Where(i => i!["actor"]!["subject"]!.GetValue<string>() == strangerSubject).ToList();
        Assert.Equal(2, denied.Count);
        Assert.All(denied, d => Assert.Equal("denied", d!["outcome"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Changing_the_phone_without_mfa_is_a_401_claims_challenge_and_changes_nothing()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, subject) = await api.NewActivatedPatientAsync();
        var withoutMfa = await api.TokenAsync(subject, mfa: false);
        using var read = await api.GetAsync($"api/patients/{patientId}/profile", withoutMfa);
        var eTag = read.Headers.ETag!.ToString();

        using var change = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", withoutMfa, """{"phone":"+15555550177"}""", eTag);

        await PortalApi.AssertProblemAsync(change, HttpStatusCode.Unauthorized);
        var challenge = change.Headers.WwwAuthenticate.ToString();
        Assert.Contains("insufficient_claims", challenge);
        Assert.Contains("claims=", challenge);
        using var after = await api.GetAsync($"api/patients/{patientId}/profile", withoutMfa);
        Assert.Equal(eTag, after.Headers.ETag!.ToString());

        var withMfa = await api.TokenAsync(subject, mfa: true);
        using var stepped = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", withMfa, """{"phone":"+15555550177"}""", eTag);
        Assert.Equal(HttpStatusCode.OK, stepped.StatusCode);
    }

    [Fact]
    public async Task A_write_without_if_match_is_428()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();

        using var change = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", token, """{"smsConsent":false}""");

        await PortalApi.AssertProblemAsync(change, (HttpStatusCode)428);
    }

    [Fact]
    public async Task A_code_works_once_and_a_duplicate_mrn_is_409()
    {
        var api = await PortalApi.CreateAsync();
        var mrn = $"DUP-{Guid.NewGuid():N}"[..20];
        var (_, code, birthDate) = await api.RegisterAsync(mrn);
        var first = await api.TokenAsync(PortalApi.UniqueSubject());
        var second = await api.TokenAsync(PortalApi.UniqueSubject());
        var body = JsonSerializer.Serialize(new { code, birthDate });

        using var ok = await api.SendAsync(HttpMethod.Post, "api/me/activate", first, body);
        using var again = await api.SendAsync(HttpMethod.Post, "api/me/activate", second, body);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await PortalApi.AssertProblemAsync(again, HttpStatusCode.BadRequest, "code");

        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("frontdesk"), ["FrontDesk"]);
        using var duplicate = await api.SendAsync(HttpMethod.Post, "api/patients", frontDesk,
            JsonSerializer.Serialize(new { givenName = "Other", familyName = "Person", birthDate = "1990-01-01", mrn }));
        await PortalApi.AssertProblemAsync(duplicate, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Staff_reach_a_chart_by_role_and_a_patient_cannot_register_patients()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patientToken, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);

        using var clinicianRead = await api.GetAsync($"api/patients/{patientId}/profile", clinician);
        using var clinicianLog = await api.GetAsync($"api/patients/{patientId}/access-log", clinician);
        using var register = await api.SendAsync(HttpMethod.Post, "api/patients", patientToken,
            """{"givenName":"A","familyName":"B","birthDate":"1990-01-01","mrn":"X-1"}""");
        using var billingRead = await api.GetAsync($"api/patients/{patientId}/profile", billing);

        Assert.Equal(HttpStatusCode.OK, clinicianRead.StatusCode);
        await PortalApi.AssertProblemAsync(clinicianLog, HttpStatusCode.Forbidden);
        await PortalApi.AssertProblemAsync(register, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, billingRead.StatusCode);
    }

    [Fact]
    public async Task A_registration_retried_with_its_idempotency_key_gets_the_same_patient_and_only_the_new_code_works()
    {
        var api = await PortalApi.CreateAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("frontdesk"), ["FrontDesk"]);
        var body = JsonSerializer.Serialize(new { givenName = "Retry", familyName = "Me", birthDate = "1975-07-04", mrn = $"R-{Guid.NewGuid():N}"[..20] });
        var key = Guid.NewGuid().ToString();

        async Task<System.Text.Json.Nodes.JsonObject> RegisterAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/patients") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Bearer", frontDesk);
            request.Headers.Add("Idempotency-Key", key);
            using var response = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await PortalApi.ReadJsonAsync(response);
        }

        var first = await RegisterAsync();
        var retry = await RegisterAsync();

        Assert.Equal(first["patientId"]!.GetValue<string>(), retry["patientId"]!.GetValue<string>());
        var person = await api.TokenAsync(PortalApi.UniqueSubject());
        using var oldCode = await api.SendAsync(HttpMethod.Post, "api/me/activate", person, JsonSerializer.Serialize(new { code = first["activationCode"]!.GetValue<string>(), birthDate = "1975-07-04" }));
        using var newCode = await api.SendAsync(HttpMethod.Post, "api/me/activate", person, JsonSerializer.Serialize(new { code = retry["activationCode"]!.GetValue<string>(), birthDate = "1975-07-04" }));
        await PortalApi.AssertProblemAsync(oldCode, HttpStatusCode.BadRequest, "code");
        Assert.Equal(HttpStatusCode.OK, newCode.StatusCode);
    }

    [Fact]
    public async Task The_profile_json_is_plain_camel_case_with_readable_phone_numbers_and_no_derived_fields()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();

        using var read = await api.GetAsync($"api/patients/{patientId}/profile", token);
        var raw = await read.Content.ReadAsStringAsync();

        Assert.Contains("\"phone\":\"+15555550100\"", raw);
        Assert.Contains("\"emergencyContacts\":[]", raw);
        Assert.DoesNotContain("displayName", raw);
    }
}
