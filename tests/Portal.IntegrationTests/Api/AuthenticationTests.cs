using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Azure.Identity;

namespace Portal.IntegrationTests.Api;

/// <summary>Every patient endpoint refuses requests without a valid token for this API.</summary>
public class AuthenticationTests
{
    public static TheoryData<string, string> PatientEndpoints => new()
    {
        { "GET", "api/me" },
        { "POST", "api/me/activate" },
        { "POST", "api/patients" },
        { "GET", "api/patients?mrn=M-1" },
        { "POST", "api/patients/p1/activation-code" },
        { "GET", "api/patients/p1/profile" },
        { "PATCH", "api/patients/p1/profile" },
        { "GET", "api/patients/p1/access-log" },
    };

    [Theory]
    [MemberData(nameof(PatientEndpoints))]
    public async Task No_token_is_401_with_a_bearer_challenge(string method, string path)
    {
        var api = await PortalApi.CreateAsync();

        using var response = await api.SendAsync(new HttpMethod(method), path, token: null, json: "{}");

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var issuer = (await TestPortal.GetAsync()).Services.GetRequiredService<DevTokenIssuer>();
        var expired = issuer.Issue(PortalApi.UniqueSubject(), "Late", ["Patient"], mfa: true, lifetime: TimeSpan.FromMinutes(-5));

        await AssertRefusedAsync(expired);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var issuer = (await TestPortal.GetAsync()).Services.GetRequiredService<DevTokenIssuer>();
        var otherApi = issuer.Issue(PortalApi.UniqueSubject(), "Wrong", ["Patient"], mfa: true, audience: "api://another-app");

        await AssertRefusedAsync(otherApi);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var forger = new DevTokenIssuer("api://portal-dev", TimeProvider.System);

        await AssertRefusedAsync(forger.Issue("admin-ross", "Forged", ["Admin"], mfa: true));
    }

    [Fact]
    public async Task Garbage_is_401()
    {
        await AssertRefusedAsync("not-a-jwt");
    }

    [Fact]
    public async Task A_valid_token_reaches_the_api()
    {
        var api = await PortalApi.CreateAsync();
        var subject = PortalApi.UniqueSubject();

        using var response = await api.GetAsync("api/me", await api.TokenAsync(subject, ["Clinician"], mfa: false, name: "Dr Test"));

        var me = await PortalApi.ReadJsonAsync(response);
        Assert.Equal(subject, me["subject"]!.GetValue<string>());
        Assert.Equal("Clinician", me["roles"]![0]!.GetValue<string>());
        Assert.False(me["mfa"]!.GetValue<bool>());
    }

    private static async Task AssertRefusedAsync(string token)
    {
        var api = await PortalApi.CreateAsync();
        using var response = await api.GetAsync("api/me", token);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }
}
