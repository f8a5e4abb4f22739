using System.Net;
using System.Text.Json;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Notifications;

/// <summary>Notification preferences over real HTTP: defaults, If-Match, validation and who may read or change them.</summary>
public class NotificationPreferencesTests
{
    private const string DefaultsETag = "W/\"defaults\"";

    private static string Body(string channel = "email", string start = "22:00:00", string end = "07:00:00", bool digest = true) =>
        JsonSerializer.Serialize(new
        {
            channels = new[] { new { kind = "newResult", channel }, new { kind = "securityNotice", channel = "email" } },
            quietHoursStart = start,
            quietHoursEnd = end,
            dailyDigest = digest,
        });

    private static string Path(string patientId) => $"api/patients/{patientId}/notification-preferences";

    [Fact]
    public async Task A_patient_reads_the_defaults_changes_them_with_if_match_and_a_stale_write_is_412()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();

        using var read = await api.GetAsync(Path(patientId), token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(DefaultsETag, read.Headers.ETag!.ToString());
        var defaults = await PortalApi.ReadJsonAsync(read);
        Assert.Equal(Enum.GetValues<Portal.Core.Notifications.NoticeKind>().Length, defaults["channels"]!.AsArray().Count);
        Assert.Equal(("21:00:00", "08:00:00", false), (defaults["quietHoursStart"]!.GetValue<string>(), defaults["quietHoursEnd"]!.GetValue<string>(), defaults["dailyDigest"]!.GetValue<bool>()));

        using var first = await api.SendAsync(HttpMethod.Put, Path(patientId), token, Body(), DefaultsETag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstETag = first.Headers.ETag!.ToString();
        Assert.NotEqual(DefaultsETag, firstETag);

        using var again = await api.SendAsync(HttpMethod.Put, Path(patientId), token, Body("sms"), DefaultsETag);
        await PortalApi.AssertProblemAsync(again, HttpStatusCode.PreconditionFailed);

        using var second = await api.SendAsync(HttpMethod.Put, Path(patientId), token, Body("none"), firstETag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var stale = await api.SendAsync(HttpMethod.Put, Path(patientId), token, Body("sms"), firstETag);
        await PortalApi.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);

        using var reread = await api.GetAsync(Path(patientId), token);
        Assert.Equal(second.Headers.ETag!.ToString(), reread.Headers.ETag!.ToString());
        var saved = await PortalApi.ReadJsonAsync(reread);
        var channels = saved["channels"]!.AsArray().ToDictionary(c => c!["kind"]!.GetValue<string>(), c => c!["channel"]!.GetValue<string>());
        Assert.Equal(Enum.GetValues<Portal.Core.Notifications.NoticeKind>().Length, channels.Count);
        Assert.Equal(("none", "email", "sms", "email"), (channels["newResult"], channels["securityNotice"], channels["appointmentReminder"], channels["statementReady"]));
        Assert.Equal(("22:00:00", "07:00:00", true), (saved["quietHoursStart"]!.GetValue<string>(), saved["quietHoursEnd"]!.GetValue<string>(), saved["dailyDigest"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_change_without_if_match_is_428()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();

        using var change = await api.SendAsync(HttpMethod.Put, Path(patientId), token, Body());

        await PortalApi.AssertProblemAsync(change, (HttpStatusCode)428);
    }

    [Theory]
    [InlineData("""{"channels":[{"kind":"securityNotice","channel":"none"}],"quietHoursStart":"21:00:00","quietHoursEnd":"08:00:00","dailyDigest":false}""", "channels[0].channel")]
    [InlineData("""{"channels":[{"kind":"fax","channel":"sms"}],"quietHoursStart":"21:00:00","quietHoursEnd":"08:00:00","dailyDigest":false}""", "channels[0].kind")]
    [InlineData("""{"channels":[{"kind":"newResult","channel":"pigeon"}],"quietHoursStart":"21:00:00","quietHoursEnd":"08:00:00","dailyDigest":false}""", "channels[0].channel")]
    [InlineData("""{"channels":[{"kind":"newResult","channel":"sms"},{"kind":"newResult","channel":"email"}],"quietHoursStart":"21:00:00","quietHoursEnd":"08:00:00","dailyDigest":false}""", "channels[1].kind")]
    [InlineData("""{"channels":[],"quietHoursStart":"21:00:00","quietHoursEnd":"21:00:00","dailyDigest":false}""", "quietHoursEnd")]
    [InlineData("""{"channels":[],"quietHoursStart":"21:00:00","dailyDigest":false}""", "body")]
    public async Task Invalid_preferences_are_400_with_the_field(string body, string field)
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();

        using var change = await api.SendAsync(HttpMethod.Put, Path(patientId), token, body, DefaultsETag);

        await PortalApi.AssertProblemAsync(change, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("caregiver:profile.read", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("caregiver:profile.write", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("caregiver:results.read", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("Clinician", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("FrontDesk", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("Billing", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("Admin", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("Lab.Push", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("stranger", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    public async Task Who_may_read_and_change_follows_the_profile(string who, HttpStatusCode read, HttpStatusCode change)
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, _) = await api.NewActivatedPatientAsync();
        var token = who.StartsWith("caregiver:", StringComparison.Ordinal) ? await api.CaregiverAsync(patientId, who["caregiver:".Length..])
            : who == "stranger" ? await api.TokenAsync(PortalApi.UniqueSubject("stranger"))
            : await api.TokenAsync(PortalApi.UniqueSubject("staff"), [who]);

        using var get = await api.GetAsync(Path(patientId), token);
        using var put = await api.SendAsync(HttpMethod.Put, Path(patientId), token, Body(), DefaultsETag);

        Assert.Equal((read, change), (get.StatusCode, put.StatusCode));
    }

    [Fact]
    public async Task Staff_asking_for_a_patient_that_does_not_exist_get_404_and_nothing_is_created()
    {
        var api = await PortalApi.CreateAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("frontdesk"), ["FrontDesk"]);
        var nobody = Guid.NewGuid().ToString("N");

        using var get = await api.GetAsync(Path(nobody), frontDesk);
        using var put = await api.SendAsync(HttpMethod.Put, Path(nobody), frontDesk, Body(), DefaultsETag);
        using var after = await api.GetAsync(Path(nobody), frontDesk);

        await PortalApi.AssertProblemAsync(get, HttpStatusCode.NotFound);
        await PortalApi.AssertProblemAsync(put, HttpStatusCode.NotFound);
        await PortalApi.AssertProblemAsync(after, HttpStatusCode.NotFound);
    }
}
