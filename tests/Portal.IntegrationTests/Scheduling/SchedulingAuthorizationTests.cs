using System.Net;
using Portal.IntegrationTests.Api;
using static System.Net.HttpStatusCode;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>Who may do what with scheduling: the patient, caregivers by scope, each staff role, a stranger.</summary>
public class SchedulingAuthorizationTests
{
    private static readonly string[] Callers =
        ["self", "caregiver appointments.write", "caregiver appointments.read", "caregiver results.read", "Clinician", "FrontDesk", "Billing", "Admin", "stranger"];

    [Fact]
    public async Task Every_appointment_endpoint_answers_each_kind_of_caller_as_the_policy_says()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var tokens = await TokensAsync(api, patientId, patient);
        var frontDesk = tokens["FrontDesk"];

        // Hour-aligned starts, so 30- and 60-minute visits of the one patient never overlap.
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        var hours = new Queue<DateTimeOffset>((await clinic.SlotsAsync(patient, clinic.FollowUp, from, from.AddDays(6)))
            .Select(s => s!["start"]!.GetValue<DateTimeOffset>()).Where(s => s.Minute == 0));
        async Task<string> Booked() => (await clinic.BookAsync(frontDesk, patientId, clinic.FollowUp, hours.Dequeue())).Body["appointmentId"]!.GetValue<string>();
        async Task<string> Requested() => (await clinic.BookAsync(patient, patientId, clinic.Approval, hours.Dequeue())).Body["appointmentId"]!.GetValue<string>();
        var shared = await Booked();
        var path = $"api/patients/{patientId}/appointments";

        // (caller, book, list, read, cancel, reschedule, approve, decline, attendance)
        var expected = new Dictionary<string, HttpStatusCode[]>
        {
            ["self"] = [Created, OK, OK, OK, OK, Forbidden, Forbidden, Forbidden],
            ["caregiver appointments.write"] = [Created, OK, OK, OK, OK, Forbidden, Forbidden, Forbidden],
            ["caregiver appointments.read"] = [Forbidden, OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["caregiver results.read"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["Clinician"] = [Created, OK, OK, OK, OK, OK, OK, Conflict],
            ["FrontDesk"] = [Created, OK, OK, OK, OK, OK, OK, Conflict],
            ["Billing"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["Admin"] = [Created, OK, OK, OK, OK, OK, OK, Conflict],
            ["stranger"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        };
        var actual = new Dictionary<string, HttpStatusCode[]>();
        foreach (var caller in Callers)
        {
            var token = tokens[caller];
            var allowedToWrite = expected[caller][0] == Created;
            var staff = expected[caller][5] == OK;
            var (toCancel, toMove) = allowedToWrite ? (await Booked(), await Booked()) : (shared, shared);
            var (toApprove, toDecline) = staff ? (await Requested(), await Requested()) : (shared, shared);
            var book = (await clinic.BookAsync(token, patientId, clinic.FollowUp, hours.Dequeue())).Status;
            using var list = await api.GetAsync(path, token);
            using var read = await api.GetAsync($"{path}/{shared}", token);
            actual[caller] =
            [
                book, list.StatusCode, read.StatusCode,
                (await SchedulingClinic.PostAsync(api, $"{path}/{toCancel}/cancel", token)).Status,
                (await SchedulingClinic.PostAsync(api, $"{path}/{toMove}/reschedule", token, new { start = hours.Dequeue(), providerId = (string?)null })).Status,
                (await SchedulingClinic.PostAsync(api, $"{path}/{toApprove}/approve", token)).Status,
                (await SchedulingClinic.PostAsync(api, $"{path}/{toDecline}/decline", token, new { reason = "Needs labs first." })).Status,
                (await SchedulingClinic.PostAsync(api, $"{path}/{shared}/attendance", token, new { status = "noShow" })).Status,
            ];
        }

        Assert.Equal(expected.Select(e => (e.Key, string.Join(",", e.Value))), Callers.Select(c => (c, string.Join(",", actual[c]))));
    }

    [Fact]
    public async Task The_setup_is_read_by_anyone_signed_in_changed_by_admin_and_front_desk_and_the_queue_and_day_view_are_for_staff_who_book()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var tokens = await TokensAsync(api, patientId, patient);

        // (caller, setup, slots, requests, put provider, put exception, delete exception, day view)
        var expected = new Dictionary<string, HttpStatusCode[]>
        {
            ["self"] = [OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["caregiver appointments.write"] = [OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["caregiver appointments.read"] = [OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["caregiver results.read"] = [OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["Clinician"] = [OK, OK, OK, Forbidden, Forbidden, Forbidden, OK],
            ["FrontDesk"] = [OK, OK, OK, Created, Created, OK, OK],
            ["Billing"] = [OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["Admin"] = [OK, OK, OK, Created, Created, OK, OK],
            ["stranger"] = [OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        };
        var actual = new Dictionary<string, HttpStatusCode[]>();
        foreach (var caller in Callers)
        {
            var token = tokens[caller];
            var id = $"x-{Guid.NewGuid():N}"[..12];
            using var setup = await api.GetAsync("api/clinic/setup", token);
            using var slots = await api.GetAsync($"api/schedule/slots?visitType={clinic.FollowUp}&provider={clinic.ProviderId}", token);
            using var requests = await api.GetAsync("api/schedule/requests", token);
            using var provider = await clinic.PutAsync("providers", id, new { id, name = "Dr. Extra", specialty = (string?)null, active = false }, token: token);
            var exception = new { id, providerId = clinic.ProviderId, kind = "timeOff", fromDate = "2030-01-02", toDate = "2030-01-02", start = "12:00:00", end = "13:00:00", locationId = (string?)null, visitTypeIds = (string[]?)null };
            using var created = await clinic.PutAsync("exceptions", id, exception, token: token);
            var eTag = created.Headers.ETag?.ToString() ?? "\"none\"";
            using var deleted = await api.SendAsync(HttpMethod.Delete, $"api/clinic/exceptions/{id}", token, ifMatch: eTag);
            using var day = await api.GetAsync($"api/schedule/day?provider={clinic.ProviderId}", token);
            actual[caller] = [setup.StatusCode, slots.StatusCode, requests.StatusCode, provider.StatusCode, created.StatusCode, deleted.StatusCode, day.StatusCode];
        }

        Assert.Equal(expected.Select(e => (e.Key, string.Join(",", e.Value))), Callers.Select(c => (c, string.Join(",", actual[c]))));
    }

    [Fact]
    public async Task Waitlist_and_check_in_answer_each_kind_of_caller_as_the_policy_says()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var tokens = await TokensAsync(api, patientId, patient);
        var tomorrow = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(1));
        var appointmentId = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, tomorrow)).Body["appointmentId"]!.GetValue<string>();
        var waitlist = $"api/patients/{patientId}/waitlist";
        var checkIn = $"api/patients/{patientId}/appointments/{appointmentId}/check-in";
        var body = System.Text.Json.JsonSerializer.Serialize(new { visitTypeId = clinic.FollowUp, providerId = clinic.ProviderId, from = (string?)null, to = (string?)null });
        var answers = System.Text.Json.JsonSerializer.Serialize(new
        {
            contactConfirmed = true,
            insuranceConfirmed = true,
            answers = new object[] { new { linkId = "topic", valueString = "Blood pressure" }, new { linkId = "new-medicines", valueBoolean = false } },
        });
        using var first = await api.SendAsync(HttpMethod.Post, waitlist, patient, body);
        var shared = (await PortalApi.ReadJsonAsync(first))["entryId"]!.GetValue<string>();
        using var sharedLeft = await api.SendAsync(HttpMethod.Delete, $"{waitlist}/{shared}", patient);

        // (caller, join waitlist, list waitlist, leave waitlist, read check-in, check in)
        var expected = new Dictionary<string, HttpStatusCode[]>
        {
            ["self"] = [Created, OK, OK, OK, OK],
            ["caregiver appointments.write"] = [Created, OK, OK, OK, OK],
            ["caregiver appointments.read"] = [Forbidden, OK, Forbidden, OK, Forbidden],
            ["caregiver results.read"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["Clinician"] = [Created, OK, OK, OK, OK],
            ["FrontDesk"] = [Created, OK, OK, OK, OK],
            ["Billing"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["Admin"] = [Created, OK, OK, OK, OK],
            ["stranger"] = [NotFound, NotFound, NotFound, NotFound, NotFound],
        };
        var actual = new Dictionary<string, HttpStatusCode[]>();
        foreach (var caller in Callers)
        {
            var token = tokens[caller];
            using var joined = await api.SendAsync(HttpMethod.Post, waitlist, token, body);
            var entryId = joined.StatusCode == Created ? (await PortalApi.ReadJsonAsync(joined))["entryId"]!.GetValue<string>() : shared;
            using var list = await api.GetAsync(waitlist, token);
            using var left = await api.SendAsync(HttpMethod.Delete, $"{waitlist}/{entryId}", token);
            using var read = await api.GetAsync(checkIn, token);
            using var put = await api.SendAsync(HttpMethod.Put, checkIn, token, answers);
            actual[caller] = [joined.StatusCode, list.StatusCode, left.StatusCode, read.StatusCode, put.StatusCode];
        }

        Assert.Equal(expected.Select(e => (e.Key, string.Join(",", e.Value))), Callers.Select(c => (c, string.Join(",", actual[c]))));
    }

    private static async Task<Dictionary<string, string>> TokensAsync(PortalApi api, string patientId, string patient) => new()
    {
        ["self"] = patient,
        ["caregiver appointments.write"] = await api.CaregiverAsync(patientId, "appointments.write"),
        ["caregiver appointments.read"] = await api.CaregiverAsync(patientId, "appointments.read"),
        ["caregiver results.read"] = await api.CaregiverAsync(patientId, "results.read"),
        ["Clinician"] = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]),
        ["FrontDesk"] = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]),
        ["Billing"] = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]),
        ["Admin"] = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]),
        ["stranger"] = await api.TokenAsync(PortalApi.UniqueSubject("stranger")),
    };
}
