using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Messaging;

/// <summary>Who may do what with a patient's conversations: the patient, caregivers by scope, staff by policy and pool.</summary>
public class MessagingAuthorizationTests
{
    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_the_policy_and_the_pool_say()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var threads = $"api/patients/{patientId}/threads";
        var receipt = AttachmentTests.Id(await AttachmentTests.UploadAsync(api, patientId, patient, AttachmentTests.Pdf, "application/pdf", "receipt.pdf"));
        var started = await MessagingStoryTests.PostAsync(api, threads, patient, new { pool = "billing", subject = "Statement", message = "Is it paid?", attachments = new[] { receipt } });
        var thread = started.Body["thread"]!["threadId"]!.GetValue<string>();
        var communication = $"api/fhir/r4/Communication/{thread}.{started.Body["messages"]![0]!["messageId"]!.GetValue<string>()}?patient={patientId}";
        var callers = new Dictionary<string, string>
        {
            ["self"] = patient,
            ["caregiver messages.write"] = await api.CaregiverAsync(patientId, "messages.write"),
            ["caregiver messages.read"] = await api.CaregiverAsync(patientId, "messages.read"),
            ["caregiver results.read"] = await api.CaregiverAsync(patientId, "results.read"),
            ["Billing"] = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]),
            ["Clinician"] = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]),
            ["FrontDesk"] = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]),
            ["Admin"] = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]),
            ["stranger"] = await api.TokenAsync(PortalApi.UniqueSubject("stranger")),
        };

        // (caller, start, list, read, reply, close, billing inbox, upload, download, FHIR search, FHIR read): the thread is in the billing pool;
        // the FHIR API answers a message out of the caller's pools as it answers any resource out of reach: 404.
        const HttpStatusCode Ok = HttpStatusCode.OK, Made = HttpStatusCode.Created, No = HttpStatusCode.Forbidden, Gone = HttpStatusCode.NotFound;
        (string Caller, HttpStatusCode Start, HttpStatusCode List, HttpStatusCode Read, HttpStatusCode Reply, HttpStatusCode Close, HttpStatusCode Inbox, HttpStatusCode Upload, HttpStatusCode Download, HttpStatusCode Search, HttpStatusCode Fhir)[] rows =
        [
            ("self", Made, Ok, Ok, Made, No, No, Made, Ok, Ok, Ok),
            ("caregiver messages.write", Made, Ok, Ok, Made, No, No, Made, Ok, Ok, Ok),
            ("caregiver messages.read", No, Ok, Ok, No, No, No, No, Ok, Ok, Ok),
            ("caregiver results.read", No, No, No, No, No, No, No, No, No, No),
            ("Billing", No, Ok, Ok, Made, Ok, Ok, Made, Ok, Ok, Ok),
            ("Clinician", No, Ok, No, No, No, No, Made, No, Ok, Gone),
            ("FrontDesk", No, Ok, No, No, No, No, Made, No, Ok, Gone),
            ("Admin", No, No, No, No, No, No, No, No, No, No),
            ("stranger", Gone, Gone, Gone, Gone, Gone, No, Gone, Gone, Gone, Gone),
        ];
        var actual = new List<(string, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode)>();
        foreach (var row in rows)
        {
            var token = callers[row.Caller];
            var start = (await MessagingStoryTests.PostAsync(api, threads, token, new { pool = "billing", subject = "s", message = "m" })).Status;
            using var list = await api.GetAsync(threads, token);
            using var read = await api.GetAsync($"{threads}/{thread}", token);
            var reply = (await MessagingStoryTests.PostAsync(api, $"{threads}/{thread}/messages", token, new { message = "m" })).Status;
            var close = (await MessagingStoryTests.PostAsync(api, $"{threads}/{thread}/close", token, null)).Status;
            using var inbox = await api.GetAsync("api/inbox?pool=billing", token);
            var upload = (await AttachmentTests.UploadAsync(api, patientId, token, AttachmentTests.Png, "image/png", "card.png")).Status;
            using var download = await api.GetAsync($"{threads}/{thread}/attachments/{receipt}", token);
            using var search = await api.GetAsync($"api/fhir/r4/Communication?patient={patientId}", token);
            using var fhir = await api.GetAsync(communication, token);
            actual.Add((row.Caller, start, list.StatusCode, read.StatusCode, reply, close, inbox.StatusCode, upload, download.StatusCode, search.StatusCode, fhir.StatusCode));
        }

        Assert.Equal(rows.Select(r => (r.Caller, r.Start, r.List, r.Read, r.Reply, r.Close, r.Inbox, r.Upload, r.Download, r.Search, r.Fhir)), actual);
    }

    [Fact]
    public async Task A_caregiver_writes_as_themself_on_behalf_of_the_patient_and_their_reading_leaves_the_patients_unread()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var caregiver = await api.CaregiverAsync(patientId, "messages.write");
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        var threads = $"api/patients/{patientId}/threads";

        var started = await MessagingStoryTests.PostAsync(api, threads, caregiver, new { pool = "billing", subject = "Mom's bill", message = "Can we pay in parts?" });
        var first = started.Body["messages"]![0]!;
        Assert.Equal(("caregiver", patientId), (first["authorKind"]!.GetValue<string>(), first["onBehalfOf"]!.GetValue<string>()));
        var threadId = started.Body["thread"]!["threadId"]!.GetValue<string>();
        await MessagingStoryTests.PostAsync(api, $"{threads}/{threadId}/messages", billing, new { message = "Yes, three parts." });

        await MessagingStoryTests.GetAsync(api, $"{threads}/{threadId}", caregiver);

        Assert.Equal(0, (await MessagingStoryTests.GetAsync(api, threads, caregiver))["items"]![0]!["unread"]!.GetValue<int>());
        Assert.Equal(3, (await MessagingStoryTests.GetAsync(api, threads, patient))["items"]![0]!["unread"]!.GetValue<int>());
    }
}
