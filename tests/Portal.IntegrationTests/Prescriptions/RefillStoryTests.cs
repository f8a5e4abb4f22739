using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Notifications;
using Portal.Core.Record;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Prescriptions;

/// <summary>A patient asks for refills and follows each request to the pharmacy; the clinic works its queue.</summary>
public class RefillStoryTests
{
    [Fact]
    public async Task A_patient_asks_for_a_refill_follows_it_to_the_pharmacy_and_the_record_shows_the_new_fill()
    {
        var (api, patientId, patient, clinician, meds) = await StartAsync();
        var path = $"api/patients/{patientId}/refill-requests";

        // Maria reads her medications: what she can refill here, and why not the others.
        var list = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/medications", patient);
        var items = list.Body["items"]!.AsArray().Select(i => i!.AsObject()).ToDictionary(i => i["medicationId"]!.GetValue<string>());
        Assert.Equal(5, items.Count); // active ones (the stopped one is left out), confidential one included for herself
        Assert.True(items[meds.Lisinopril]["refill"]!["canRequest"]!.GetValue<bool>());
        Assert.Equal("2026-12-20", items[meds.Lisinopril]["runOutDate"]!.GetValue<string>());
        Assert.Equal("controlledSubstance", items[meds.Oxycodone]["refill"]!["reason"]!.GetValue<string>());
        Assert.Equal("noRefillsLeft", items[meds.NoRefills]["refill"]!["reason"]!.GetValue<string>());
        Assert.Contains("Book a visit", items[meds.NoRefills]["refill"]!["whatToDo"]!.GetValue<string>());
        var all = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/medications?status=all", patient);
        Assert.Equal("ended", all.Body["items"]!.AsArray().Single(i => i!["medicationId"]!.GetValue<string>() == meds.Stopped)!["refill"]!["reason"]!.GetValue<string>());

        // She asks for lisinopril at a new pharmacy; her connection drops and the app retries with the same key.
        var key = Guid.NewGuid().ToString("N");
        var body = new { medicationIds = new[] { meds.Lisinopril }, pharmacy = PrescriptionFixtures.NewPharmacy, note = "Running low before my trip." };
        var first = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, body, key: key);
        var retry = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, body, key: key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, retry.Status));
        var requestId = first.Body["requestId"]!.GetValue<string>();
        Assert.Equal(requestId, retry.Body["requestId"]!.GetValue<string>());
        Assert.Equal("requested", first.Body["state"]!.GetValue<string>());
        Assert.Equal("Walgreens #4512", first.Body["pharmacy"]!["name"]!.GetValue<string>());

        // A second request for the same medication points at the open one; the new pharmacy is now in her list.
        var pharmacies = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/pharmacies", patient);
        var pharmacyId = Assert.Single(pharmacies.Body["items"]!.AsArray())!["pharmacyId"]!.GetValue<string>();
        var duplicate = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Metformin, meds.Lisinopril }, pharmacyId });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal($"/api/patients/{patientId}/refill-requests/{requestId}", duplicate.Body["errors"]!["medicationIds[1]"]![0]!.GetValue<string>());

        // A controlled substance is refused with what to do instead.
        var controlled = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Oxycodone }, pharmacyId });
        Assert.Equal(HttpStatusCode.BadRequest, controlled.Status);
        Assert.Contains("controlled substance", controlled.Body["errors"]!["medicationIds[0]"]![0]!.GetValue<string>());

        // The list says the lisinopril request is open.
        list = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/medications", patient);
        var lisinopril = list.Body["items"]!.AsArray().Single(i => i!["medicationId"]!.GetValue<string>() == meds.Lisinopril)!;
        Assert.Equal(("requestOpen", requestId), (lisinopril["refill"]!["reason"]!.GetValue<string>(), lisinopril["refill"]!["openRequestId"]!.GetValue<string>()));

        // Dr. Patel finds it in the queue, reviews it; Maria can no longer cancel it.
        var queue = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, "api/refill-queue?pageSize=100", clinician);
        Assert.Contains(queue.Body["items"]!.AsArray(), i => i!["requestId"]!.GetValue<string>() == requestId && i["targetBusinessDays"]!.GetValue<int>() == 2);
        var read = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"{path}/{requestId}", clinician);
        var reviewed = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/review", clinician, new { }, read.ETag);
        Assert.Equal((HttpStatusCode.OK, "inReview"), (reviewed.Status, reviewed.Body["state"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/cancel", patient, null, reviewed.ETag)).Status);

        // She approves it with 5 refills and 90 tablets: the record's lisinopril shows the new fill, the old values kept.
        var approval = new { medications = new[] { new { medicationId = meds.Lisinopril, refills = 5, quantity = new { value = 90, unit = "tablets" }, daysSupply = 90 } }, note = "Sent to Walgreens." };
        var approved = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/approve", clinician, approval, reviewed.ETag);
        Assert.Equal((HttpStatusCode.OK, "approved"), (approved.Status, approved.Body["state"]!.GetValue<string>()));
        Assert.Equal(["requested", "inReview", "approved"], approved.Body["history"]!.AsArray().Select(h => h!["state"]!.GetValue<string>()));
        var record = (await (await TestPortal.GetAsync()).Services.GetRequiredService<IHealthRecord>().FindAsync(patientId, RecordSection.Medications, meds.Lisinopril, default))!.Value;
        Assert.Equal((5, 90, 2, 3), (record.Content.Medication!.RefillsRemaining, record.Content.Medication.DaysSupply, record.Version, record.History[0].Content.Medication!.RefillsRemaining));
        Assert.Equal($"Refill request {requestId} approved", record.History[0].ChangeReason);

        // A closed request takes no more decisions; the queue no longer holds it.
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/deny", clinician, new { reason = "x" }, approved.ETag)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/approve", clinician, approval, approved.ETag)).Status);
        queue = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, "api/refill-queue?pageSize=100", clinician);
        Assert.DoesNotContain(queue.Body["items"]!.AsArray(), i => i!["requestId"]!.GetValue<string>() == requestId);

        // Maria was told of each step, without the drug's name; she can ask for lisinopril again.
        var notices = await PrescriptionFixtures.NoticesAsync(patientId, NoticeKind.RefillStatus);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal($"/medications/refill-requests/{requestId}", n.Link));
        var text = NoticeTemplates.Render(NoticeKind.RefillStatus, notices[0].Details, "en", TimeZoneInfo.Utc, "Clinic", "https://portal.test");
        Assert.DoesNotContain("isinopril", text.Sms + text.EmailBody + text.EmailSubject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Lisinopril }, pharmacyId })).Status);
    }

    [Fact]
    public async Task A_request_is_cancelled_while_requested_denied_with_a_reason_or_answered_with_a_visit_to_book()
    {
        var (api, patientId, patient, clinician, meds) = await StartAsync();
        var clinic = await Scheduling.SchedulingClinic.CreateAsync(api);
        var path = $"api/patients/{patientId}/refill-requests";
        async Task<(string Id, string ETag)> AskAsync(string medicationId)
        {
            var asked = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { medicationId }, pharmacy = PrescriptionFixtures.NewPharmacy });
            Assert.Equal(HttpStatusCode.Created, asked.Status);
            return (asked.Body["requestId"]!.GetValue<string>(), asked.ETag!);
        }

        // Cancelled while requested: no notice (she did it herself); then neither side can act on it.
        var (cancelId, cancelTag) = await AskAsync(meds.Lisinopril);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{cancelId}/cancel", patient)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{cancelId}/cancel", clinician, null, cancelTag)).Status);
        var cancelled = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{cancelId}/cancel", patient, null, cancelTag);
        Assert.Equal((HttpStatusCode.OK, "cancelled"), (cancelled.Status, cancelled.Body["state"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{cancelId}/cancel", patient, null, cancelled.ETag)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{cancelId}/review", clinician, new { }, cancelled.ETag)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{cancelId}/approve", clinician,
            new { medications = new[] { new { medicationId = meds.Lisinopril, refills = 1 } } }, cancelled.ETag)).Status);

        // Denied with a reason (a second denial is 409); a denial needs its reason.
        var (denyId, denyTag) = await AskAsync(meds.Lisinopril);
        Assert.Equal(HttpStatusCode.BadRequest, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{denyId}/deny", clinician, new { reason = " " }, denyTag)).Status);
        var denied = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{denyId}/deny", clinician, new { reason = "Your blood pressure log is due first." }, denyTag);
        Assert.Equal(("denied", "Your blood pressure log is due first."), (denied.Body["state"]!.GetValue<string>(), denied.Body["denialReason"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{denyId}/deny", clinician, new { reason = "again" }, denied.ETag)).Status);

        // A visit is needed: the request links to booking the visit type chosen; an unknown type is 400.
        var (visitId, visitTag) = await AskAsync(meds.Metformin);
        Assert.Equal(HttpStatusCode.BadRequest, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{visitId}/needs-visit", clinician, new { visitTypeId = "no-such-type" }, visitTag)).Status);
        var needsVisit = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{visitId}/needs-visit", clinician, new { visitTypeId = clinic.FollowUp, note = "Time for your A1c." }, visitTag);
        Assert.Equal(("needsVisit", $"/appointments/new?visitType={clinic.FollowUp}"), (needsVisit.Body["state"]!.GetValue<string>(), needsVisit.Body["visit"]!["bookingLink"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{visitId}/needs-visit", clinician, new { visitTypeId = clinic.FollowUp }, needsVisit.ETag)).Status);

        // Newest first, each with its history.
        var mine = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, path, patient);
        Assert.Equal([visitId, denyId, cancelId], mine.Body["items"]!.AsArray().Select(r => r!["requestId"]!.GetValue<string>()));
        Assert.Equal(2, (await PrescriptionFixtures.NoticesAsync(patientId, NoticeKind.RefillStatus)).Count);
    }

    [Fact]
    public async Task Two_clinicians_deciding_at_once_one_wins_and_the_other_gets_412()
    {
        var (api, patientId, patient, clinician, meds) = await StartAsync();
        var other = await api.TokenAsync(PortalApi.UniqueSubject("dr2"), ["Clinician"], name: "Dr. Ken Okonkwo");
        var path = $"api/patients/{patientId}/refill-requests";
        var asked = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Lisinopril, meds.Metformin }, pharmacy = PrescriptionFixtures.NewPharmacy });
        var requestId = asked.Body["requestId"]!.GetValue<string>();
        var approval = new { medications = new[] { new { medicationId = meds.Lisinopril, refills = 2 }, new { medicationId = meds.Metformin, refills = 2 } } };

        var results = await Task.WhenAll(
            PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/approve", clinician, approval, asked.ETag),
            PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/deny", other, new { reason = "Needs labs." }, asked.ETag));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.Status).Order());

        var final = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"{path}/{requestId}", patient);
        var winner = results.Single(r => r.Status == HttpStatusCode.OK);
        Assert.Equal(winner.Body["state"]!.GetValue<string>(), final.Body["state"]!.GetValue<string>());
        Assert.Equal(2, final.Body["history"]!.AsArray().Count);

        // Either way both medications are free for a new request, and the record changed only if the approval won.
        var lisinopril = (await (await TestPortal.GetAsync()).Services.GetRequiredService<IHealthRecord>().FindAsync(patientId, RecordSection.Medications, meds.Lisinopril, default))!.Value;
        Assert.Equal(winner.Body["state"]!.GetValue<string>() == "approved" ? 2 : 1, lisinopril.Version);
        Assert.Equal(HttpStatusCode.Created, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Lisinopril, meds.Metformin }, pharmacy = PrescriptionFixtures.NewPharmacy })).Status);
    }

    [Fact]
    public async Task A_clinician_decides_the_mornings_requests_in_one_batch_each_on_its_own_and_caregivers_see_no_confidential_ones()
    {
        var (api, patientId, patient, clinician, meds) = await RefillStoryTests.StartAsync();
        var path = $"api/patients/{patientId}/refill-requests";
        async Task<(string Id, string ETag)> AskAsync(params string[] medicationIds)
        {
            var asked = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds, pharmacy = PrescriptionFixtures.NewPharmacy });
            return (asked.Body["requestId"]!.GetValue<string>(), asked.ETag!);
        }

        var lisinopril = await AskAsync(meds.Lisinopril);
        var metformin = await AskAsync(meds.Metformin);
        var confidential = await AskAsync(meds.Confidential);
        var batch = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, "api/refill-queue/decisions", clinician, new
        {
            decisions = new object[]
            {
                new { patientId, requestId = lisinopril.Id, eTag = lisinopril.ETag, action = "approve", approval = new { medications = new[] { new { medicationId = meds.Lisinopril, refills = 3 } } } },
                new { patientId, requestId = metformin.Id, eTag = metformin.ETag, action = "needsVisit" },
                new { patientId, requestId = confidential.Id, eTag = "W/\"stale\"", action = "deny", denial = new { reason = "r" } },
            },
        });
        Assert.Equal(HttpStatusCode.OK, batch.Status);
        Assert.Equal([200, 400, 412], batch.Body["results"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()));
        Assert.Equal("approved", batch.Body["results"]![0]!["request"]!["state"]!.GetValue<string>());

        // A caregiver with prescriptions.read sees the medications and requests but not the confidential ones; the patient sees all.
        var caregiver = await api.CaregiverAsync(patientId, "prescriptions.read");
        var theirs = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, path, caregiver);
        Assert.Equal([metformin.Id, lisinopril.Id], theirs.Body["items"]!.AsArray().Select(r => r!["requestId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"{path}/{confidential.Id}", caregiver)).Status);
        var listed = await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/medications", caregiver);
        Assert.DoesNotContain(listed.Body["items"]!.AsArray(), m => m!["medicationId"]!.GetValue<string>() == meds.Confidential);
        Assert.Equal(3, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, path, patient)).Body["items"]!.AsArray().Count);

        // The confidential request sent the patient no notice (the contact details may be a parent's); the approval did.
        Assert.Single(await PrescriptionFixtures.NoticesAsync(patientId, Portal.Core.Notifications.NoticeKind.RefillStatus));
    }

    [Fact]
    public async Task Bad_requests_are_problems_that_change_nothing()
    {
        var (api, patientId, patient, clinician, meds) = await StartAsync();
        var path = $"api/patients/{patientId}/refill-requests";
        async Task<JsonObject> ProblemAsync(object body, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var answer = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, body);
            Assert.Equal(status, answer.Status);
            return answer.Body;
        }

        Assert.NotNull((await ProblemAsync(new { medicationIds = Array.Empty<string>(), pharmacy = PrescriptionFixtures.NewPharmacy }))["errors"]!["medicationIds"]);
        Assert.NotNull((await ProblemAsync(new { medicationIds = new[] { meds.Lisinopril } }))["errors"]!["pharmacyId"]);
        Assert.NotNull((await ProblemAsync(new { medicationIds = new[] { meds.Lisinopril }, pharmacy = new { name = "X", address = "Y", phone = "call me", ncpdpId = "12" } }))["errors"]!["pharmacy.ncpdpId"]);
        Assert.NotNull((await ProblemAsync(new { medicationIds = new[] { meds.Lisinopril }, pharmacyId = "ph-0000000000000000" }))["errors"]!["pharmacyId"]);
        Assert.NotNull((await ProblemAsync(new { medicationIds = new[] { meds.Lisinopril, meds.Lisinopril }, pharmacy = PrescriptionFixtures.NewPharmacy }))["errors"]!["medicationIds[1]"]);
        Assert.NotNull((await ProblemAsync(new { medicationIds = new[] { meds.Stopped }, pharmacy = PrescriptionFixtures.NewPharmacy }))["errors"]!["medicationIds[0]"]);
        Assert.NotNull((await ProblemAsync(new { medicationIds = new[] { meds.NoRefills }, pharmacy = PrescriptionFixtures.NewPharmacy }))["errors"]!["medicationIds[0]"]);

        // The same key with another body is 409; an approval must name exactly the request's medications.
        var key = Guid.NewGuid().ToString("N");
        var asked = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Lisinopril }, pharmacy = PrescriptionFixtures.NewPharmacy }, key: key);
        Assert.Equal(HttpStatusCode.Conflict, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, path, patient, new { medicationIds = new[] { meds.Metformin }, pharmacy = PrescriptionFixtures.NewPharmacy }, key: key)).Status);
        var requestId = asked.Body["requestId"]!.GetValue<string>();
        var wrong = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/approve", clinician,
            new { medications = new[] { new { medicationId = meds.Metformin, refills = 2 } } }, asked.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        var tooMany = await PrescriptionFixtures.SendAsync(api, HttpMethod.Post, $"{path}/{requestId}/approve", clinician,
            new { medications = new[] { new { medicationId = meds.Lisinopril, refills = 12 } } }, asked.ETag);
        Assert.NotNull(tooMany.Body["errors"]!["medications[0].refills"]);
        Assert.Equal("requested", (await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"{path}/{requestId}", patient)).Body["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/medications?status=old", patient)).Status);
    }

    internal static async Task<(PortalApi Api, string PatientId, string Patient, string Clinician, PrescriptionFixtures.Medications Meds)> StartAsync()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var meds = await PrescriptionFixtures.SeedAsync(portal.Services, patientId);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"], name: "Dr. Maya Patel");
        return (api, patientId, patient, clinician, meds);
    }
}
