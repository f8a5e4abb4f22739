using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Record;

/// <summary>Who may upload and download documents, file and decide amendment requests, see the staff queue and export the record.</summary>
public class RecordRequestsAuthorizationTests
{
    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_the_policy_says()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var seeded = await RecordFixtures.SeedAsync(portal.Services, patientId);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var (_, uploaded, _) = await RecordFixtures.UploadAsync(api, patientId, clinician, RecordFixtures.Pdf(), "application/pdf", "title=Letter&kind=letter");
        var documentId = uploaded!["documentId"]!.GetValue<string>();
        var open = await AmendmentStoryTests.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", patient,
            new { section = "allergies", itemId = seeded.AllergyId, whatIsWrong = "a", shouldSay = "b" });
        var amendments = $"api/patients/{patientId}/amendments";
        var requestId = open.Body["requestId"]!.GetValue<string>();
        var callers = new Dictionary<string, string>
        {
            ["self"] = patient,
            ["caregiver records.write"] = await api.CaregiverAsync(patientId, "records.write"),
            ["caregiver records.read"] = await api.CaregiverAsync(patientId, "records.read"),
            ["caregiver messages.write"] = await api.CaregiverAsync(patientId, "messages.write"),
            ["Clinician"] = clinician,
            ["FrontDesk"] = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]),
            ["Billing"] = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]),
            ["Admin"] = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]),
            ["Records.Push"] = await api.TokenAsync(PortalApi.UniqueSubject("ehr"), ["Records.Push"]),
            ["stranger"] = await api.TokenAsync(PortalApi.UniqueSubject("stranger")),
        };

        // Decisions are sent with a stale If-Match, so an allowed caller gets 412 and the request stays open; a statement
        // of disagreement on an open request is 409 for the patient's side. Nothing here changes what the next row sees.
        const HttpStatusCode Ok = HttpStatusCode.OK, Created = HttpStatusCode.Created, No = HttpStatusCode.Forbidden, Gone = HttpStatusCode.NotFound,
            Stale = HttpStatusCode.PreconditionFailed, Conflict = HttpStatusCode.Conflict;
        (string Caller, HttpStatusCode[] Expected)[] rows =
        [
            //                           upload   link  file     list read extend accept deny  disagree  queue export
            ("self",                     [No,     Ok,   Created, Ok, Ok,  No,    No,    No,   Conflict, No,   Ok]),
            ("caregiver records.write",  [No,     Ok,   Created, Ok, Ok,  No,    No,    No,   Conflict, No,   Ok]),
            ("caregiver records.read",   [No,     Ok,   No,      Ok, Ok,  No,    No,    No,   No,       No,   Ok]),
            ("caregiver messages.write", [No,     No,   No,      No, No,  No,    No,    No,   No,       No,   No]),
            ("Clinician",                [Created, Ok,  No,      Ok, Ok,  Stale, Stale, Stale, No,      Ok,   Ok]),
            ("FrontDesk",                [No,     No,   No,      No, No,  No,    No,    No,   No,       No,   No]),
            ("Billing",                  [No,     No,   No,      No, No,  No,    No,    No,   No,       No,   No]),
            ("Admin",                    [No,     No,   No,      Ok, Ok,  Stale, Stale, Stale, No,      Ok,   No]),
            ("Records.Push",             [Created, No,  No,      No, No,  No,    No,    No,   No,       No,   No]),
            ("stranger",                 [Gone,   Gone, Gone,    Gone, Gone, Gone, Gone, Gone, Gone,    No,   Gone]),
        ];
        var actual = new List<(string, HttpStatusCode[])>();
        foreach (var (caller, _) in rows)
        {
            var token = callers[caller];
            async Task<HttpStatusCode> Send(HttpMethod method, string path, object? body = null, string? ifMatch = null) =>
                (await AmendmentStoryTests.SendAsync(api, method, path, token, body, ifMatch)).Status;
            var (upload, _, response) = await RecordFixtures.UploadAsync(api, patientId, token, RecordFixtures.Pdf(), "application/pdf", "title=Form&kind=form");
            response.Dispose();
            actual.Add((caller,
            [
                upload,
                await Send(HttpMethod.Get, $"api/patients/{patientId}/documents/{documentId}/content"),
                await Send(HttpMethod.Post, amendments, new { whatIsWrong = "a", shouldSay = "b" }),
                await Send(HttpMethod.Get, amendments),
                await Send(HttpMethod.Get, $"{amendments}/{requestId}"),
                await Send(HttpMethod.Post, $"{amendments}/{requestId}/extend", new { reason = "r" }, "W/\"stale\""),
                await Send(HttpMethod.Post, $"{amendments}/{requestId}/accept", new { note = "n" }, "W/\"stale\""),
                await Send(HttpMethod.Post, $"{amendments}/{requestId}/deny", new { ground = "accurateAndComplete", basis = "b" }, "W/\"stale\""),
                await Send(HttpMethod.Post, $"{amendments}/{requestId}/disagreement", new { statement = "s" }, open.ETag),
                await Send(HttpMethod.Get, "api/amendments?pageSize=1"),
                await Send(HttpMethod.Post, $"api/patients/{patientId}/record/export"),
            ]));
        }

        Assert.Equal(rows.Select(r => (r.Caller, string.Join(",", r.Expected))), actual.Select(a => (a.Item1, string.Join(",", a.Item2))));
    }
}
