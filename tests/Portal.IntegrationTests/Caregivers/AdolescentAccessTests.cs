using System.Net;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Record;
using static Portal.IntegrationTests.Caregivers.CaregiverCalls;

namespace Portal.IntegrationTests.Caregivers;

/// <summary>
/// The clinic's adolescent rules through every read path: a guardian of a 15-year-old sees only the allowed sections and
/// the conversations they start; confidential items never reach any caregiver in a list, a detail, a FHIR search or an export.
/// </summary>
public sealed class AdolescentAccessTests
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);

    [Fact]
    public async Task A_guardian_of_a_fifteen_year_old_sees_allergies_and_immunizations_and_their_own_conversations_only()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var born = Today.AddYears(-15).AddDays(-20);
        var (patientId, code, _) = await api.RegisterAsync(givenName: "Maya", birthDate: born);
        var teen = await api.TokenAsync(PortalApi.UniqueSubject("teen"));
        (await api.ActivateAsync(teen, code, born)).Dispose();
        var seeded = await RecordFixtures.SeedAsync(portal.Services, patientId);
        var (guardian, _) = await ProxyRequestTests.ApprovedGuardianAsync(
            api, patientId, born, "records.read", "results.read", "appointments.write", "messages.write", "billing.read", "profile.read");

        async Task<int> Count(string path, string token) => (await SendAsync(api, HttpMethod.Get, path, token)).Body["items"]!.AsArray().Count;
        var record = $"api/patients/{patientId}/record";
        Assert.Equal((1, 1, 0, 0, 0), (await Count($"{record}/allergies", guardian), await Count($"{record}/immunizations", guardian),
            await Count($"{record}/problems", guardian), await Count($"{record}/medications", guardian), await Count($"{record}/vitals", guardian)));
        Assert.Equal(2, await Count($"{record}/problems", teen)); // the teen sees their own, the confidential one too
        var summary = (await SendAsync(api, HttpMethod.Get, record, guardian)).Body["sections"]!.AsArray();
        Assert.Equal(2, summary.Sum(s => s!["total"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/visits/{seeded.VisitId}", guardian)).Status);

        // Categories outside the clinic's list are refused whatever the grant says; the ones inside work.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/results", guardian)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/profile", guardian)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/appointments", guardian)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/billing", guardian)).Status);

        // FHIR: the same sections only.
        var conditions = await FhirEntriesAsync(api, $"api/fhir/r4/Condition?patient={patientId}", guardian);
        var allergies = await FhirEntriesAsync(api, $"api/fhir/r4/AllergyIntolerance?patient={patientId}", guardian);
        Assert.Equal((0, 1), (conditions, allergies));

        // The export carries what the guardian may see: the allergy and the flu shot.
        var export = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/record/export", guardian);
        Assert.Equal(2, export.Body["items"]!.GetValue<int>());

        // The teen's conversation with the care team stays theirs; the guardian sees the one they start.
        var teenThread = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/threads", teen, new { pool = "care-team", subject = "Private", message = "Just me." });
        Assert.Equal(HttpStatusCode.Created, teenThread.Status);
        var guardianThread = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/threads", guardian, new { pool = "scheduling", subject = "Sports physical", message = "Can we book one?" });
        Assert.Equal(HttpStatusCode.Created, guardianThread.Status);
        var threads = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/threads", guardian)).Body["items"]!.AsArray();
        Assert.Equal(["Sports physical"], threads.Select(t => t!["subject"]!.GetValue<string>()));
        Assert.Equal(2, await Count($"api/patients/{patientId}/threads", teen));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/threads/{teenThread.Body["thread"]!["threadId"]}", guardian)).Status);
    }

    [Fact]
    public async Task A_guardian_of_a_child_has_the_scopes_granted_but_never_a_confidential_item()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var born = Today.AddYears(-8);
        var (patientId, _, _) = await api.RegisterAsync(givenName: "Leo", birthDate: born);
        var seeded = await RecordFixtures.SeedAsync(portal.Services, patientId);
        var (guardian, _) = await ProxyRequestTests.ApprovedGuardianAsync(api, patientId, born, "records.read", "results.read");

        var problems = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/record/problems", guardian)).Body["items"]!.AsArray();
        Assert.Single(problems);
        Assert.DoesNotContain(problems, p => p!["itemId"]!.GetValue<string>() == seeded.ConfidentialProblemId);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/results", guardian)).Status);
        Assert.Equal(1, await FhirEntriesAsync(api, $"api/fhir/r4/Condition?patient={patientId}", guardian));
        using var read = await api.GetAsync($"api/fhir/r4/Condition/{seeded.ConfidentialProblemId}", guardian);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        var export = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/record/export", guardian);
        Assert.Equal(6, export.Body["items"]!.GetValue<int>());
    }

    private static async Task<int> FhirEntriesAsync(PortalApi api, string path, string token)
    {
        using var response = await api.GetAsync(path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!["entry"]?.AsArray().Count) ?? 0;
    }
}
