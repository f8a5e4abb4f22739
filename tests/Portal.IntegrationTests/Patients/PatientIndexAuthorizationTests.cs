using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Patients;

/// <summary>Who may search the patient index and re-issue activation codes: every caller kind against the one policy.</summary>
public class PatientIndexAuthorizationTests
{
    public static TheoryData<string, HttpStatusCode, HttpStatusCode> Callers => new()
    {
        // who, searching the index, re-issuing a code for a patient who has not activated
        { "self", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { "caregiver", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { "FrontDesk", HttpStatusCode.OK, HttpStatusCode.OK },
        { "Clinician", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { "Billing", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { "Admin", HttpStatusCode.OK, HttpStatusCode.OK },
        { "Lab.Push", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { "stranger", HttpStatusCode.Forbidden, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Only_staff_search_and_only_front_desk_and_admins_re_issue(string who, HttpStatusCode search, HttpStatusCode reissue)
    {
        var api = await PortalApi.CreateAsync();
        var mrn = $"Z-{Guid.NewGuid():N}"[..20];
        var (patientId, _, _) = await api.RegisterAsync(mrn, familyName: "Kowalski");
        var (ownId, ownToken, _) = await api.NewActivatedPatientAsync();

        // "self" acts on their own chart; everyone else on the not-yet-activated patient.
        var (target, token) = who switch
        {
            "self" => (ownId, ownToken),
            "caregiver" => (patientId, await api.CaregiverAsync(patientId, "profile.write", "records.read")),
            "stranger" => (patientId, await api.TokenAsync(PortalApi.UniqueSubject("stranger"))),
            _ => (patientId, await api.TokenAsync(PortalApi.UniqueSubject(who), [who])),
        };

        using var searched = await api.GetAsync($"api/patients?mrn={mrn}", token);
        using var reissued = await api.SendAsync(HttpMethod.Post, $"api/patients/{target}/activation-code", token);

        Assert.Equal(search, searched.StatusCode);
        var searchBody = await searched.Content.ReadAsStringAsync();
        if (search != HttpStatusCode.OK)
        {
            Assert.DoesNotContain(patientId, searchBody);
            Assert.DoesNotContain("Kowalski", searchBody);
        }
        else
        {
            Assert.Contains(patientId, searchBody);
        }

        Assert.Equal(reissue, reissued.StatusCode);
        if (reissue != HttpStatusCode.OK)
        {
            Assert.DoesNotContain("activationCode\"", await reissued.Content.ReadAsStringAsync());
        }
    }
}
