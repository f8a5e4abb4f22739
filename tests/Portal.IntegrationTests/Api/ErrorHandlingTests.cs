using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Portal.Core.Profile;

namespace Portal.IntegrationTests.Api;

public class ErrorHandlingTests
{
    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_trace_id_and_nothing_from_the_exception()
    {
        var broken = new Mock<IProfiles>();
        broken.Setup(p => p.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("SECRET patient Ana Diaz +13125550101"));
        await using var portal = await TestPortal.StartAsync(configureServices: services => services.AddSingleton(broken.Object));
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        var api = new PortalApi(client);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);

        using var response = await api.GetAsync($"api/patients/{Guid.NewGuid():N}/profile", clinician);

        var problem = await PortalApi.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("SECRET", problem.ToJsonString());
        Assert.DoesNotContain("InvalidOperationException", problem.ToJsonString());
    }
}
