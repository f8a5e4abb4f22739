using System.Net;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Patients;

/// <summary>The front desk re-issues a lost activation code over real HTTP: only the newest code works, and never twice.</summary>
public class ActivationCodeReissueTests
{
    [Fact]
    public async Task A_lost_code_is_replaced_the_old_one_stops_working_and_after_activation_no_code_is_issued()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, lostCode, birthDate) = await api.RegisterAsync(familyName: "Okafor", birthDate: PortalApi.UniqueBirthDate());
        var frontDeskSubject = PortalApi.UniqueSubject("frontdesk");
        var frontDesk = await api.TokenAsync(frontDeskSubject, ["FrontDesk"], name: "Jordan Lee");

        using var reissued = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/activation-code", frontDesk);
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        var answer = await PortalApi.ReadJsonAsync(reissued);
        Assert.Equal(["activationCode", "activationCodeExpiresAt", "patientId"], answer.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(patientId, Text(answer, "patientId"));
        var newCode = Text(answer, "activationCode");
        Assert.NotEqual(lostCode, newCode);
        Assert.InRange(answer["activationCodeExpiresAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddDays(13.9), DateTimeOffset.UtcNow.AddDays(14.1));

        var patientSubject = PortalApi.UniqueSubject("patient");
        var patient = await api.TokenAsync(patientSubject);
        using var withLost = await api.ActivateAsync(patient, lostCode, birthDate);
        await PortalApi.AssertProblemAsync(withLost, HttpStatusCode.BadRequest, "code");
        using var withNew = await api.ActivateAsync(patient, newCode, birthDate);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);

        using var afterActivation = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/activation-code", frontDesk);
        var problem = await PortalApi.AssertProblemAsync(afterActivation, HttpStatusCode.Conflict);
        Assert.Contains("already activated", Text(problem, "detail"));

        using var log = await api.GetAsync($"api/patients/{patientId}/access-log?pageSize=10", patient);
        var events = (await PortalApi.ReadJsonAsync(log))["items"]!.AsArray()
            .Select(i => (Text(i!, "action"), Text(i!["actor"]!, "subject"), Text(i!, "outcome")))
            .ToList();
        Assert.Equal(
            [
                ("activation.reissue", frontDeskSubject, "failed"),
                ("activation.redeem", patientSubject, "success"),
                ("activation.reissue", frontDeskSubject, "success"),
                ("patient.register", events[^1].Item2, "success"),
            ],
            events);
    }

    [Fact]
    public async Task Each_re_issue_ends_the_one_before()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, birthDate) = await api.RegisterAsync();
        var admin = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]);

        var codes = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/activation-code", admin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            codes.Add(Text(await PortalApi.ReadJsonAsync(response), "activationCode"));
        }

        var person = await api.TokenAsync(PortalApi.UniqueSubject());
        using var second = await api.ActivateAsync(person, codes[0], birthDate);
        using var third = await api.ActivateAsync(person, codes[1], birthDate);
        await PortalApi.AssertProblemAsync(second, HttpStatusCode.BadRequest, "code");
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task An_unknown_patient_is_404()
    {
        var api = await PortalApi.CreateAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("frontdesk"), ["FrontDesk"]);

        using var response = await api.SendAsync(HttpMethod.Post, $"api/patients/{Guid.NewGuid():N}/activation-code", frontDesk);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static string Text(JsonNode node, string property) => node[property]!.GetValue<string>();
}
