using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;

namespace Portal.IntegrationTests.Api;

/// <summary>
/// Calls the running portal over real HTTP the way a front end does. Every answer is checked against the served
/// OpenAPI document (<see cref="ApiContract"/>) before the test sees it.
/// </summary>
internal sealed class PortalApi(HttpClient client)
{
    public static async Task<PortalApi> CreateAsync() => new((await TestPortal.GetAsync()).Client);

    public static string UniqueSubject(string prefix = "person") => $"{prefix}-{Guid.NewGuid():N}";

    public async Task<string> TokenAsync(string subject, string[]? roles = null, bool mfa = true, string? name = null, string[]? scopes = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/dev/token", token: null, JsonSerializer.Serialize(new { subject, name = name ?? subject, roles = roles ?? ["Patient"], mfa, scopes = scopes ?? [] }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null, string? ifMatch = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return SendAsync(request);
    }

    /// <summary>Sends a request built by the test and checks the answer against the OpenAPI document.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        try
        {
            await (await ApiContract.GetAsync()).CheckAsync(response);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    /// <summary>A birth date no other test is likely to use, so a name search sees only its own test's patients.</summary>
    public static DateOnly UniqueBirthDate() => new DateOnly(1900, 1, 1).AddDays(Random.Shared.Next(0, 40_000));

    /// <summary>Letters no other test is likely to use in a name.</summary>
    public static string UniqueLetters(int count = 8) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))));

    /// <summary>Front desk registers a new patient; returns the id and the activation code.</summary>
    public async Task<(string PatientId, string Code, DateOnly BirthDate)> RegisterAsync(
        string? mrn = null, string givenName = "Test", string familyName = "Patient", DateOnly? birthDate = null)
    {
        var frontDesk = await TokenAsync(UniqueSubject("frontdesk"), ["FrontDesk"]);
        birthDate ??= new DateOnly(1980, 5, 17);
        var body = JsonSerializer.Serialize(new
        {
            givenName,
            familyName,
            birthDate,
            mrn = mrn ?? $"T-{Guid.NewGuid():N}"[..20],
            phone = "+15555550100",
            email = "test.patient@example.org",
        });
        using var response = await SendAsync(HttpMethod.Post, "api/patients", frontDesk, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (json["patientId"]!.GetValue<string>(), json["activationCode"]!.GetValue<string>(), birthDate.Value);
    }

    /// <summary>Redeems an activation code as the person with <paramref name="token"/>.</summary>
    public Task<HttpResponseMessage> ActivateAsync(string token, string code, DateOnly birthDate) =>
        SendAsync(HttpMethod.Post, "api/me/activate", token, JsonSerializer.Serialize(new { code, birthDate }));

    /// <summary>A new patient, activated by a new person; returns the patient id and that person's token.</summary>
    public async Task<(string PatientId, string Token, string Subject)> NewActivatedPatientAsync(bool mfa = true)
    {
        var (patientId, code, birthDate) = await RegisterAsync();
        var subject = UniqueSubject();
        var token = await TokenAsync(subject, mfa: mfa);
        using var response = await ActivateAsync(token, code, birthDate);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (patientId, token, subject);
    }

    /// <summary>A new person who cares for the patient through a grant with <paramref name="scopes"/>; returns their token.</summary>
    /// <remarks>Grants have no endpoint yet, so the link is written the way the demo seed writes one.</remarks>
    public Task<string> CaregiverAsync(string patientId, params string[] scopes) => CaregiverAsync(patientId, scopes, tokenScopes: null);

    /// <summary>A caregiver as above whose token also carries OAuth scopes (a SMART app's, e.g. <c>patient/Observation.rs</c>).</summary>
    public async Task<string> CaregiverAsync(string patientId, string[] scopes, string[]? tokenScopes)
    {
        var subject = UniqueSubject("caregiver");
        var links = (await TestPortal.GetAsync()).Services.GetRequiredService<IPatientLinks>();
        await links.SaveAsync(new PatientLink(subject, patientId, LinkKind.Proxy, "Test Patient", scopes, DateTimeOffset.UtcNow.AddDays(30), null, "grant-test", "parent"), default);
        return await TokenAsync(subject, scopes: tokenScopes);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>Asserts a problem+json answer with the status, a trace id, and (optionally) a field error.</summary>
    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        if (field is not null)
        {
            Assert.True(problem["errors"]?[field] is not null, $"expected a field error for '{field}' in {problem.ToJsonString()}");
        }

        return problem;
    }
}
