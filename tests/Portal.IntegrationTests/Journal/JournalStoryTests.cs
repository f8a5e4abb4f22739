using System.Net;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Journal.JournalCalls;

namespace Portal.IntegrationTests.Journal;

/// <summary>A patient keeps a health journal between visits over real HTTP and Azurite; a caregiver writes alongside.</summary>
public class JournalStoryTests
{
    [Fact]
    public async Task A_patient_writes_lists_filters_pages_edits_and_deletes_entries_guarded_by_etags()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var journal = $"api/patients/{patientId}/journal";
        var now = DateTimeOffset.UtcNow;

        var headache = await PostAsync(api, journal, patient, Symptom(now.AddDays(-2)), key: "headache-1");
        Assert.Equal(HttpStatusCode.Created, headache.Status);
        var retried = await PostAsync(api, journal, patient, Symptom(now.AddDays(-2)), key: "headache-1");
        Assert.Equal((HttpStatusCode.Created, Id(headache.Body)), (retried.Status, Id(retried.Body)));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(api, journal, patient, Symptom(now.AddDays(-3)), key: "headache-1")).Status);

        var pressure = await PostAsync(api, journal, patient, Pressure(now.AddDays(-1)));
        Assert.Equal(["8480-6", "8462-4", "8867-4"], pressure.Body["measurement"]!["values"]!.AsArray().Select(v => v!["code"]!.GetValue<string>()));
        var note = await PostAsync(api, journal, patient, new { kind = "note", at = now.AddHours(-1), text = "Walked 30 minutes.", tags = new[] { "Exercise" } });
        Assert.Equal("exercise", note.Body["tags"]![0]!.GetValue<string>());

        Assert.Equal([Id(note.Body), Id(pressure.Body), Id(headache.Body)], Ids(await GetAsync(api, journal, patient)));
        Assert.Equal([Id(pressure.Body)], Ids(await GetAsync(api, $"{journal}?kind=measurement", patient)));
        var firstPage = await GetAsync(api, $"{journal}?pageSize=2", patient);
        Assert.Equal(2, Ids(firstPage).Count);
        var next = firstPage["continuationToken"]!.GetValue<string>();
        Assert.Equal([Id(headache.Body)], Ids(await GetAsync(api, $"{journal}?pageSize=2&continuationToken={Uri.EscapeDataString(next)}", patient)));

        // Editing the time moves the entry in the list; a stale ETag or none is refused and changes nothing.
        var path = $"{journal}/{Id(headache.Body)}";
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(api, HttpMethod.Put, path, patient, Symptom(now))).Status);
        var edited = await SendAsync(api, HttpMethod.Put, path, patient, Symptom(now.AddMinutes(-5), "Migraine", 7), ifMatch: headache.ETag);
        Assert.Equal((HttpStatusCode.OK, "Migraine"), (edited.Status, edited.Body["symptom"]!["what"]!.GetValue<string>()));
        Assert.NotEqual(headache.ETag, edited.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(api, HttpMethod.Put, path, patient, Symptom(now), ifMatch: headache.ETag)).Status);
        Assert.Equal([Id(headache.Body), Id(note.Body), Id(pressure.Body)], Ids(await GetAsync(api, journal, patient)));
        var read = await SendAsync(api, HttpMethod.Get, path, patient);
        Assert.Equal((7, edited.ETag), (read.Body["symptom"]!["severity"]!.GetValue<int>(), read.ETag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(api, HttpMethod.Delete, path, patient, ifMatch: headache.ETag)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(api, HttpMethod.Delete, path, patient, ifMatch: edited.ETag)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, path, patient)).Status);
        Assert.Equal(2, Ids(await GetAsync(api, journal, patient)).Count);
    }

    [Fact]
    public async Task Readings_that_cannot_be_real_future_times_and_long_text_are_field_errors_and_nothing_is_stored()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var journal = $"api/patients/{patientId}/journal";
        var now = DateTimeOffset.UtcNow;

        async Task Refused(object body, params string[] fields)
        {
            var (status, problem, _) = await PostAsync(api, journal, patient, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(fields.Order(), problem["errors"]!.AsObject().Select(e => e.Key).Order());
        }

        await Refused(Pressure(now, systolic: 300), "measurement.systolic");
        await Refused(Pressure(now, systolic: 80, diastolic: 90), "measurement.diastolic");
        await Refused(new { kind = "measurement", at = now, measurement = new { type = "temperature", value = 98.6, unit = "Cel" } }, "measurement.value");
        await Refused(new { kind = "measurement", at = now, measurement = new { type = "weight", value = 70, unit = "stone" } }, "measurement.unit");
        await Refused(Symptom(now.AddHours(1)), "at");
        await Refused(new { kind = "note", at = now, text = new string('x', 4_001) }, "text");
        await Refused(new { kind = "symptom", at = now, symptom = new { what = "Cough", severity = 11 } }, "symptom.severity");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(api, journal, patient, new { kind = "note", at = now, text = "x", mood = 3 })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(api, HttpMethod.Get, $"{journal}?from=2026-13-01", patient)).Status);
        Assert.Empty(Ids(await GetAsync(api, journal, patient)));
    }

    [Fact]
    public async Task A_caregiver_with_records_write_keeps_entries_beside_the_patients_and_changes_only_their_own()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var caregiver = await api.CaregiverAsync(patientId, "records.write");
        var journal = $"api/patients/{patientId}/journal";
        var now = DateTimeOffset.UtcNow;

        var theirs = await PostAsync(api, journal, caregiver, Symptom(now.AddHours(-3), "Dizzy"));
        Assert.Equal((HttpStatusCode.Created, true), (theirs.Status, theirs.Body["byCaregiver"]!.GetValue<bool>()));
        var patients = await PostAsync(api, journal, patient, Pressure(now.AddHours(-2)));

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Put, $"{journal}/{Id(patients.Body)}", caregiver, Pressure(now, 130), ifMatch: patients.ETag)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Put, $"{journal}/{Id(theirs.Body)}", caregiver, Symptom(now.AddHours(-3), "Dizzy", 6), ifMatch: theirs.ETag)).Status);
        var byPatient = await SendAsync(api, HttpMethod.Get, $"{journal}/{Id(theirs.Body)}", patient);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Put, $"{journal}/{Id(theirs.Body)}", patient, Symptom(now.AddHours(-3), "Dizzy", 5), ifMatch: byPatient.ETag)).Status);
        var after = await GetAsync(api, $"{journal}/{Id(theirs.Body)}", caregiver);
        Assert.Equal((5, true), (after["symptom"]!["severity"]!.GetValue<int>(), after["byCaregiver"]!.GetValue<bool>()));
    }
}
