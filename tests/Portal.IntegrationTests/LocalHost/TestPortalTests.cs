using System.Net;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>The shared portal over the real Portal.Functions starts on a free port and answers HTTP.</summary>
public sealed class TestPortalTests
{
    [Fact]
    public async Task Starts_the_real_app_on_a_free_loopback_port()
    {
        var portal = await TestPortal.GetAsync();

        using var response = await portal.Client.GetAsync("api/no-such-endpoint");

        Assert.Equal("127.0.0.1", portal.BaseAddress.Host);
        Assert.NotEqual(7071, portal.BaseAddress.Port);
        Assert.Equal(new Uri(portal.BaseAddress, "api/"), portal.Portal.ApiBaseAddress);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
