using System.Net;

namespace Portal.IntegrationTests.Api;

public class HealthAndCorsTests
{
    [Fact]
    public async Task Health_reports_storage_reachable_without_a_token()
    {
        var api = await PortalApi.CreateAsync();

        using var response = await api.GetAsync("api/health", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await PortalApi.ReadJsonAsync(response);
        Assert.Equal(("healthy", "reachable"), (body["status"]!.GetValue<string>(), body["storage"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(TestPortal.FrontEndOrigin, true)]
    [InlineData("https://evil.example", false)]
    public async Task Cors_allows_the_configured_front_end_only(string origin, bool allowed)
    {
        var portal = await TestPortal.GetAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/patients/p1/profile");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "PATCH");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,if-match,content-type");

        using var response = await portal.Client.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }
}
