using System.Net;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Patients;

/// <summary>Front-desk staff find a patient over real HTTP: by MRN, by name and birth date, page after page; the patient sees who looked.</summary>
public class PatientSearchTests
{
    [Fact]
    public async Task Front_desk_finds_ana_by_mrn_and_by_her_name_typed_any_way_and_ana_sees_it_in_her_access_log()
    {
        var api = await PortalApi.CreateAsync();
        var birthDate = PortalApi.UniqueBirthDate();
        var mrn = $"S-{Guid.NewGuid():N}"[..20];
        var (patientId, code, _) = await api.RegisterAsync(mrn, "Ana", "Nuñez", birthDate);
        var anaSubject = PortalApi.UniqueSubject("ana");
        var ana = await api.TokenAsync(anaSubject);
        using (var activated = await api.ActivateAsync(ana, code, birthDate))
        {
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        }

        var frontDeskSubject = PortalApi.UniqueSubject("frontdesk");
        var frontDesk = await api.TokenAsync(frontDeskSubject, ["FrontDesk"], name: "Jordan Lee");

        using var byMrn = await api.GetAsync($"api/patients?mrn={mrn.ToLowerInvariant()}", frontDesk);
        Assert.Equal(HttpStatusCode.OK, byMrn.StatusCode);
        var page = await PortalApi.ReadJsonAsync(byMrn);
        var found = Assert.Single(page["items"]!.AsArray())!.AsObject();
        Assert.Equal(
            ["birthDate", "familyName", "givenName", "mrn", "patientId"],
            found.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal((patientId, "Ana", "Nuñez", birthDate.ToString("yyyy-MM-dd"), mrn),
            (Text(found, "patientId"), Text(found, "givenName"), Text(found, "familyName"), Text(found, "birthDate"), Text(found, "mrn")));
        Assert.Null(page["continuationToken"]);

        foreach (var typed in new[] { "nunez", "NUÑ", "Nun", "nuñez" })
        {
            using var byName = await api.GetAsync($"api/patients?name={Uri.EscapeDataString(typed)}&birthDate={birthDate:yyyy-MM-dd}", frontDesk);
            Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
            Assert.Contains(patientId, Ids(await PortalApi.ReadJsonAsync(byName)));
        }

        using var otherDay = await api.GetAsync($"api/patients?name=nunez&birthDate={birthDate.AddDays(1):yyyy-MM-dd}", frontDesk);
        Assert.DoesNotContain(patientId, Ids(await PortalApi.ReadJsonAsync(otherDay)));

        using var log = await api.GetAsync($"api/patients/{patientId}/access-log?pageSize=20", ana);
        var searches = (await PortalApi.ReadJsonAsync(log))["items"]!.AsArray()
            .Where(i => Text(i!, "action") == "patients.search")
            .ToList();
        Assert.Equal(5, searches.Count);
        Assert.All(searches, s => Assert.Equal((frontDeskSubject, "Jordan Lee", "FrontDesk", "success"),
            (Text(s!["actor"]!, "subject"), Text(s["actor"]!, "name"), Text(s, "actingAs"), Text(s, "outcome"))));
        Assert.Equal(["patients?mrn", "patients?name,birthDate"], searches.Select(s => Text(s!, "resource")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_apostrophe_does_not_matter_and_accents_are_kept_in_the_answer()
    {
        var api = await PortalApi.CreateAsync();
        var birthDate = PortalApi.UniqueBirthDate();
        var (patientId, _, _) = await api.RegisterAsync(givenName: "Siobhán", familyName: "O'Brien", birthDate: birthDate);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);

        foreach (var typed in new[] { "obrien", "o'b", "O BRI", "o-brien" })
        {
            using var response = await api.GetAsync($"api/patients?name={Uri.EscapeDataString(typed)}&birthDate={birthDate:yyyy-MM-dd}", clinician);
            var page = await PortalApi.ReadJsonAsync(response);
            var found = Assert.Single(page["items"]!.AsArray(), i => Text(i!, "patientId") == patientId)!;
            Assert.Equal(("Siobhán", "O'Brien"), (Text(found, "givenName"), Text(found, "familyName")));
        }
    }

    [Fact]
    public async Task Fifty_three_namesakes_come_in_a_page_of_fifty_and_a_page_of_three_and_a_token_serves_only_its_own_search()
    {
        var api = await PortalApi.CreateAsync();
        var birthDate = PortalApi.UniqueBirthDate();
        var family = "Pag" + PortalApi.UniqueLetters();
        var registered = new List<string>();
        foreach (var batch in Enumerable.Range(0, 53).Chunk(8))
        {
            var ids = await Task.WhenAll(batch.Select(async i =>
                (await api.RegisterAsync(givenName: $"Kid{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}", familyName: family, birthDate: birthDate)).PatientId));
            registered.AddRange(ids);
        }

        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        var search = $"api/patients?name={family[..5]}&birthDate={birthDate:yyyy-MM-dd}";
        using var first = await api.GetAsync(search, billing);
        var firstPage = await PortalApi.ReadJsonAsync(first);
        var token = Text(firstPage, "continuationToken");
        using var second = await api.GetAsync($"{search}&continuationToken={Uri.EscapeDataString(token)}", billing);
        var secondPage = await PortalApi.ReadJsonAsync(second);

        Assert.Equal(50, firstPage["items"]!.AsArray().Count);
        Assert.Equal(3, secondPage["items"]!.AsArray().Count);
        Assert.Null(secondPage["continuationToken"]);
        var all = Ids(firstPage).Concat(Ids(secondPage)).ToList();
        Assert.Equal(registered.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        var givenNames = firstPage["items"]!.AsArray().Concat(secondPage["items"]!.AsArray()).Select(i => Text(i!, "givenName")).ToList();
        Assert.Equal(givenNames.Order(StringComparer.Ordinal), givenNames);

        using var otherName = await api.GetAsync($"api/patients?name={family[..4]}&birthDate={birthDate:yyyy-MM-dd}&continuationToken={Uri.EscapeDataString(token)}", billing);
        using var otherDate = await api.GetAsync($"api/patients?name={family[..5]}&birthDate={birthDate.AddDays(1):yyyy-MM-dd}&continuationToken={Uri.EscapeDataString(token)}", billing);
        using var byMrn = await api.GetAsync($"api/patients?mrn=M-1&continuationToken={Uri.EscapeDataString(token)}", billing);
        using var forged = await api.GetAsync($"{search}&continuationToken=not-a-token", billing);
        await PortalApi.AssertProblemAsync(otherName, HttpStatusCode.BadRequest, "continuationToken");
        await PortalApi.AssertProblemAsync(otherDate, HttpStatusCode.BadRequest, "continuationToken");
        await PortalApi.AssertProblemAsync(byMrn, HttpStatusCode.BadRequest, "continuationToken");
        await PortalApi.AssertProblemAsync(forged, HttpStatusCode.BadRequest, "continuationToken");
    }

    [Theory]
    [InlineData("", "mrn")]
    [InlineData("?name=nunez", "birthDate")]
    [InlineData("?birthDate=1984-03-09", "name")]
    [InlineData("?mrn=M-1&name=nunez&birthDate=1984-03-09", "name")]
    [InlineData("?name=nunez&birthDate=1984-02-30", "birthDate")]
    [InlineData("?name=nunez&birthDate=yesterday", "birthDate")]
    [InlineData("?name=%27-&birthDate=1984-03-09", "name")]
    [InlineData("?mrn=M%201%2F2", "mrn")]
    public async Task A_malformed_search_is_400_with_the_field_and_does_not_echo_the_value(string query, string field)
    {
        var api = await PortalApi.CreateAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("frontdesk"), ["FrontDesk"]);

        using var response = await api.GetAsync($"api/patients{query}", frontDesk);

        var problem = await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.DoesNotContain("nunez", problem.ToJsonString());
        Assert.DoesNotContain("yesterday", problem.ToJsonString());
    }

    [Fact]
    public async Task A_name_over_100_characters_is_400()
    {
        var api = await PortalApi.CreateAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("frontdesk"), ["FrontDesk"]);

        using var response = await api.GetAsync($"api/patients?name={new string('a', 101)}&birthDate=1984-03-09", frontDesk);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "name");
    }

    private static IEnumerable<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => Text(i!, "patientId"));

    private static string Text(JsonNode node, string property) => node[property]!.GetValue<string>();
}
