using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Audit;

public class AccessLogPagingTests
{
    [Fact]
    public async Task The_access_log_pages_newest_first_without_gaps_or_repeats()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        for (var i = 0; i < 4; i++)
        {
            using var read = await api.GetAsync($"api/patients/{patientId}/profile", token);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // Admins may read the log too; their own reads are recorded after each page, so page with the admin
        // and count only the patient's events (1 activation + 4 reads; registration by front desk adds 1).
        var admin = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]);
        var seen = new List<DateTimeOffset>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var query = continuation is null ? "pageSize=2" : $"pageSize=2&continuationToken={Uri.EscapeDataString(continuation)}";
            using var response = await api.GetAsync($"api/patients/{patientId}/access-log?{query}", admin);
            var page = await PortalApi.ReadJsonAsync(response);
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 2);
            seen.AddRange(items.Where(i => i!["actingAs"]!.GetValue<string>() != "Admin").Select(i => i!["at"]!.GetValue<DateTimeOffset>()));
            continuation = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (continuation is not null && pages < 20);

        Assert.Equal(6, seen.Count);
        Assert.Equal(seen.OrderByDescending(t => t), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
