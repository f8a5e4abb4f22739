using System.Net;

namespace Portal.IntegrationTests.Api;

/// <summary>Bad input gets a 400 problem with field errors, leaks nothing, and writes nothing.</summary>
public class BadInputTests
{
    public static TheoryData<string, string, string> BadPatches => new()
    {
        { "application/json", "{\"phone\":", "body" },
        { "application/json", "{\"smsConsent\":\"yes\"}", "smsConsent" },
        { "application/json", "{\"emergencyContacts\":[{\"name\":\"Bo\",\"relationship\":\"cousin\",\"phone\":\"+15555550100\"}]}", "emergencyContacts[0].relationship" },
        { "application/json", "{\"phone\":\"0800 PATIENT\"}", "phone" },
        { "application/json", "{\"timeZone\":\"Chicago\"}", "timeZone" },
        { "application/json", "{\"nickname\":\"x\"}", "nickname" },
        { "text/plain", "{\"smsConsent\":false}", "Content-Type" },
    };

    [Theory]
    [MemberData(nameof(BadPatches))]
    public async Task A_bad_profile_change_is_400_with_the_field_and_changes_nothing(string contentType, string body, string field)
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        using var before = await api.GetAsync($"api/patients/{patientId}/profile", token);
        var eTag = before.Headers.ETag!.ToString();

        using var response = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", token, body, eTag, contentType);

        var problem = await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.DoesNotContain("0800 PATIENT", problem.ToJsonString());
        Assert.DoesNotContain("   at ", problem.ToJsonString());
        using var after = await api.GetAsync($"api/patients/{patientId}/profile", token);
        Assert.Equal(eTag, after.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_parsed()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var huge = "{\"preferredLanguage\":\"" + new string('a', 70 * 1024) + "\"}";

        using var response = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", token, huge, "*");

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [InlineData("{\"givenName\":\"A\",\"familyName\":\"B\",\"birthDate\":\"1990-02-30\",\"mrn\":\"M-1\"}", "birthDate")]
    [InlineData("{\"givenName\":\"A\",\"familyName\":\"B\",\"birthDate\":\"2999-01-01\",\"mrn\":\"M-1\"}", "birthDate")]
    [InlineData("{\"givenName\":\"A\",\"familyName\":\"B\",\"birthDate\":\"1990-01-01\",\"mrn\":\"M 1/2\"}", "mrn")]
    [InlineData("{\"givenName\":\"\",\"familyName\":\"B\",\"birthDate\":\"1990-01-01\",\"mrn\":\"M-1\"}", "givenName")]
    [InlineData("{\"givenName\":\"A\",\"familyName\":\"B\",\"birthDate\":\"1990-01-01\",\"mrn\":\"M-1\",\"phone\":\"12\"}", "phone")]
    [InlineData("{\"givenName\":\"A\",\"familyName\":\"B\",\"birthDate\":\"1990-01-01\",\"mrn\":\"M-1\",\"email\":\"nope\"}", "email")]
    [InlineData("{\"givenName\":\"A\",\"familyName\":\"B\",\"birthDate\":\"1990-01-01\"}", "body")]
    [InlineData("{\"givenName\":42,\"familyName\":\"B\",\"birthDate\":\"1990-01-01\",\"mrn\":\"M-1\"}", "givenName")]
    public async Task A_bad_registration_is_400_with_the_field(string body, string field)
    {
        var api = await PortalApi.CreateAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("frontdesk"), ["FrontDesk"]);

        using var response = await api.SendAsync(HttpMethod.Post, "api/patients", frontDesk, body);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("continuationToken=bm90LW1pbmU", "continuationToken")]
    public async Task Bad_paging_is_400(string query, string field)
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();

        using var response = await api.GetAsync($"api/patients/{patientId}/access-log?{query}", token);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        var api = await PortalApi.CreateAsync();
        var token = await api.TokenAsync(PortalApi.UniqueSubject());
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/me/activate")
        {
            Content = new ByteArrayContent([0x7B, 0xFF, 0xFE, 0x7D]),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Content.Headers.ContentType = new("application/json");

        using var response = await api.SendAsync(request);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }
}
