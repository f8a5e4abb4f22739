using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Prescriptions;

/// <summary>Who may read medications, ask for and decide refills, work the queues, and report or reconcile medications and allergies.</summary>
public class PrescriptionAuthorizationTests
{
    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_the_policy_says()
    {
        var (api, patientId, patient, clinician, meds) = await RefillStoryTests.StartAsync();
        var requests = $"api/patients/{patientId}/refill-requests";
        var open = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, requests, patient, new { medicationIds = new[] { meds.Lisinopril }, pharmacy = PrescriptionFixtures.NewPharmacy });
        var requestId = open.Body["requestId"]!.GetValue<string>();
        var reported = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/reported-medications", patient, new { name = "Ibuprofen", source = "overTheCounter" });
        var reportId = reported.Body["report"]!["reportId"]!.GetValue<string>();
        var callers = new Dictionary<string, string>
        {
            ["self"] = patient,
            ["caregiver prescriptions.write"] = await api.CaregiverAsync(patientId, "prescriptions.write"),
            ["caregiver prescriptions.read"] = await api.CaregiverAsync(patientId, "prescriptions.read"),
            ["caregiver records.write"] = await api.CaregiverAsync(patientId, "records.write"),
            ["Clinician"] = clinician,
            ["FrontDesk"] = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]),
            ["Billing"] = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]),
            ["Admin"] = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]),
            ["stranger"] = await api.TokenAsync(PortalApi.UniqueSubject("stranger")),
        };

        // Changes are sent with a stale If-Match, so an allowed caller gets 412 and nothing changes for the next row; a
        // refill request names the controlled substance, so an allowed caller gets its 400 and no request is opened.
        const HttpStatusCode Ok = HttpStatusCode.OK, Created = HttpStatusCode.Created, No = HttpStatusCode.Forbidden, Gone = HttpStatusCode.NotFound,
            Stale = HttpStatusCode.PreconditionFailed, Bad = HttpStatusCode.BadRequest;
        const string Stalest = "W/\"stale\"";
        (string Caller, HttpStatusCode[] Expected)[] rows =
        [
            //                                meds pharm ask  list read cancel review approve deny visit queue batch rptMed   rptAll   reports stop   reconcile rqueue
            ("self",                          [Ok, Ok,   Bad, Ok,  Ok,  Stale, No,    No,     No,  No,   No,   No,   Created, Created, Ok,     Stale, No,       No]),
            ("caregiver prescriptions.write", [Ok, Ok,   Bad, Ok,  Ok,  Stale, No,    No,     No,  No,   No,   No,   Created, Created, Ok,     Stale, No,       No]),
            ("caregiver prescriptions.read",  [Ok, Ok,   No,  Ok,  Ok,  No,    No,    No,     No,  No,   No,   No,   No,      No,      Ok,     No,    No,       No]),
            ("caregiver records.write",       [No, No,   No,  No,  No,  No,    No,    No,     No,  No,   No,   No,   No,      No,      No,     No,    No,       No]),
            ("Clinician",                     [Ok, Ok,   No,  Ok,  Ok,  No,    Stale, Stale,  Stale, Stale, Ok, Ok,   No,      No,      Ok,     No,    Stale,    Ok]),
            ("FrontDesk",                     [No, No,   No,  No,  No,  No,    No,    No,     No,  No,   Ok,   No,   No,      No,      No,     No,    No,       No]),
            ("Billing",                       [No, No,   No,  No,  No,  No,    No,    No,     No,  No,   No,   No,   No,      No,      No,     No,    No,       No]),
            ("Admin",                         [No, No,   No,  No,  No,  No,    No,    No,     No,  No,   No,   No,   No,      No,      No,     No,    No,       No]),
            ("stranger",                      [Gone, Gone, Gone, Gone, Gone, Gone, Gone, Gone, Gone, Gone, No, No,   Gone,    Gone,    Gone,   Gone,  Gone,     No]),
        ];
        var actual = new List<(string, HttpStatusCode[])>();
        foreach (var (caller, _) in rows)
        {
            var token = callers[caller];
            async Task<HttpStatusCode> Send(HttpMethod method, string path, object? body = null, string? ifMatch = null) =>
                (await PrescriptionFixtures.SendAsync(api, method, path, token, body, ifMatch)).Status;
            actual.Add((caller,
            [
                await Send(HttpMethod.Get, $"api/patients/{patientId}/medications"),
                await Send(HttpMethod.Get, $"api/patients/{patientId}/pharmacies"),
                await Send(HttpMethod.Post, requests, new { medicationIds = new[] { meds.Oxycodone }, pharmacy = PrescriptionFixtures.NewPharmacy }),
                await Send(HttpMethod.Get, requests),
                await Send(HttpMethod.Get, $"{requests}/{requestId}"),
                await Send(HttpMethod.Post, $"{requests}/{requestId}/cancel", null, Stalest),
                await Send(HttpMethod.Post, $"{requests}/{requestId}/review", new { }, Stalest),
                await Send(HttpMethod.Post, $"{requests}/{requestId}/approve", new { medications = new[] { new { medicationId = meds.Lisinopril, refills = 1 } } }, Stalest),
                await Send(HttpMethod.Post, $"{requests}/{requestId}/deny", new { reason = "r" }, Stalest),
                await Send(HttpMethod.Post, $"{requests}/{requestId}/needs-visit", new { visitTypeId = "follow-up" }, Stalest),
                await Send(HttpMethod.Get, "api/refill-queue?pageSize=1"),
                await Send(HttpMethod.Post, "api/refill-queue/decisions", new { decisions = new[] { new { patientId, requestId, eTag = Stalest, action = "deny", denial = new { reason = "r" } } } }),
                await Send(HttpMethod.Post, $"api/patients/{patientId}/reported-medications", new { name = "Vitamin D", source = "overTheCounter" }),
                await Send(HttpMethod.Post, $"api/patients/{patientId}/reported-allergies", new { substance = "Latex" }),
                await Send(HttpMethod.Get, $"api/patients/{patientId}/reported-items"),
                await Send(HttpMethod.Post, $"api/patients/{patientId}/reported-items/{reportId}/stop", new { }, Stalest),
                await Send(HttpMethod.Post, $"api/patients/{patientId}/reported-items/{reportId}/reconcile", new { outcome = "accepted" }, Stalest),
                await Send(HttpMethod.Get, "api/reconciliation-queue?pageSize=1"),
            ]));
        }

        Assert.Equal(rows.Select(r => (r.Caller, string.Join(",", r.Expected))), actual.Select(a => (a.Item1, string.Join(",", a.Item2))));

        // The batch answered the clinician per decision: the stale one is a 412 and the request is still open.
        var batch = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, "api/refill-queue/decisions", clinician,
            new { decisions = new[] { new { patientId, requestId, eTag = Stalest, action = "deny", denial = new { reason = "r" } } } });
        Assert.Equal(412, batch.Body["results"]![0]!["status"]!.GetValue<int>());
        Assert.Equal("requested", (await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"{requests}/{requestId}", patient)).Body["state"]!.GetValue<string>());
    }
}
