using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Access;
using Portal.Core.Caregivers;
using Portal.Core.Clinic;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Caregivers.CaregiverCalls;

namespace Portal.IntegrationTests.Caregivers;

/// <summary>The daily run ends a guardian's grant on the 18th birthday in the clinic's zone, exactly once, telling both.</summary>
public sealed class GuardianBirthdayTests
{
    [Fact]
    public async Task The_grant_ends_on_the_birthday_at_midnight_in_the_clinics_zone_once_with_a_notice_to_each()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var rules = portal.Services.GetRequiredService<ProxyRules>();
        var today = ClinicClock.DateOf(rules.ClinicZone, DateTimeOffset.UtcNow);

        // A birthday months ahead (no other test's birthdays share the day), the patient 17 now.
        var birthday = today.AddDays(Random.Shared.Next(100, 300));
        var born = birthday.AddYears(-18);
        var (patientId, code, _) = await api.RegisterAsync(givenName: "Sam", birthDate: born);
        var sam = await api.TokenAsync(PortalApi.UniqueSubject("sam"));
        (await api.ActivateAsync(sam, code, born)).Dispose();
        var (_, guardianSubject) = await ProxyRequestTests.ApprovedGuardianAsync(api, patientId, born, "appointments.read");

        var clock = new TestClock(ClinicClock.At(rules.ClinicZone, birthday, new TimeOnly(23, 50)).AddDays(-1));
        var grants = portal.Services.GetRequiredService<IProxyGrants>();
        var run = new EndGuardianGrantsAtAdulthood(
            portal.Services.GetRequiredService<IGuardianBirthdays>(), grants, portal.Services.GetRequiredService<GrantWrites>(), rules, clock,
            NullLogger<EndGuardianGrantsAtAdulthood>.Instance);

        Assert.Equal(0, await run.ExecuteAsync(default)); // ten minutes before midnight: still 17
        Assert.Null((await grants.FindAsync(patientId, guardianSubject, default))!.Value.Link.RevokedAt);

        clock.Now += TimeSpan.FromMinutes(20); // ten past midnight on the birthday, clinic time
        Assert.Equal(1, await run.ExecuteAsync(default));
        Assert.Equal(0, await run.ExecuteAsync(default));
        clock.Now += TimeSpan.FromHours(1);
        Assert.Equal(0, await run.ExecuteAsync(default));

        var ended = (await grants.FindAsync(patientId, guardianSubject, default))!.Value;
        Assert.Equal((EndReasons.Adulthood, clock.Now - TimeSpan.FromHours(1)), (ended.EndReason, ended.Link.RevokedAt!.Value));
        var notices = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/notifications?pageSize=50", sam)).Body["items"]!.AsArray();
        Assert.Single(notices, n => n!["kind"]!.GetValue<string>() == "guardianAccessEnded" && n["recipient"]!.GetValue<string>() == "patient");
        Assert.Single(notices, n => n!["kind"]!.GetValue<string>() == "caregiverAccessEnded" && n["recipient"]!.GetValue<string>() == "caregiver");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/proxies", sam)).Status);
    }
}
