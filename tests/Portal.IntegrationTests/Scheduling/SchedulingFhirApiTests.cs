#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>An app reads appointments, open slots and the providers' schedules through the FHIR API; everything served is valid R4.</summary>
public class SchedulingFhirApiTests
{
    [Fact]
    public async Task A_patients_app_reads_their_appointments_and_the_clinics_open_slots_and_schedules()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var first = await clinic.SlotAsync(token, clinic.FollowUp, TimeSpan.FromDays(2));
        var second = await clinic.SlotAsync(token, clinic.FollowUp, TimeSpan.FromDays(4));
        var firstId = (await clinic.BookAsync(token, patientId, clinic.FollowUp, first)).Body["appointmentId"]!.GetValue<string>();
        var secondId = (await clinic.BookAsync(token, patientId, clinic.FollowUp, second)).Body["appointmentId"]!.GetValue<string>();
        var client = await FhirApps.ClientAsync(token);

        // Appointments: the patient's own, soonest first, paged, filtered by date, readable by id.
        var appointments = await FhirApiTests.SearchAllAsync(client, "Appointment", [$"patient={patientId}"], pageSize: 1);
        Assert.Equal([firstId, secondId], appointments.Select(a => a.Id));
        var later = (await client.SearchAsync<Appointment>([$"patient={patientId}", $"date=ge{second.AddMinutes(-1):yyyy-MM-ddTHH:mm:sszzz}"]))!;
        Assert.Equal(secondId, Assert.Single(later.Entry).Resource.Id);
        var read = (await client.ReadAsync<Appointment>($"Appointment/{firstId}"))!;
        Assert.Equal((Appointment.AppointmentStatus.Booked, first), (read.Status!.Value, read.Start!.Value));
        Assert.Contains($"Patient/{patientId}", read.Participant.Select(p => p.Actor.Reference));
        Assert.Contains($"Practitioner/{clinic.ProviderId}", read.Participant.Select(p => p.Actor.Reference));

        // Slots: the open ones of a visit type with a provider, as the slot search shows them; a booked time is not one.
        var day = DateOnly.FromDateTime(first.UtcDateTime);
        var slots = await FhirApiTests.SearchAllAsync(client, "Slot",
            [$"service-type={clinic.FollowUp}", $"schedule=Schedule/{clinic.ProviderId}", $"start=ge{day.AddDays(-1):yyyy-MM-dd}", $"start=le{day.AddDays(1):yyyy-MM-dd}"], pageSize: 40);
        Assert.NotEmpty(slots);
        Assert.DoesNotContain(slots.Cast<Slot>(), s => s.Start == first);
        Assert.All(slots.Cast<Slot>(), s => Assert.Equal($"Schedule/{clinic.ProviderId}", s.Schedule.Reference));
        var open = (Slot)slots[^1];
        Assert.Equal(open.Start, (await client.ReadAsync<Slot>($"Slot/{open.Id}"))!.Start);
        Assert.Equal(HttpStatusCode.Created, (await clinic.BookAsync(token, patientId, clinic.FollowUp, open.Start!.Value)).Status);
        using var gone = await api.GetAsync($"api/fhir/r4/Slot/{open.Id}", token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // Schedules: one per provider, by actor or id.
        var schedules = (await client.SearchAsync<Schedule>([$"actor=Practitioner/{clinic.ProviderId}"]))!;
        var schedule = Assert.IsType<Schedule>(Assert.Single(schedules.Entry).Resource);
        Assert.Equal(clinic.ProviderId, schedule.Id);
        Assert.Equal(schedule.Id, (await client.ReadAsync<Schedule>($"Schedule/{clinic.ProviderId}"))!.Id);

        var errors = appointments.Concat(slots).Append(schedule).SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Appointments_answer_as_the_policy_says_and_the_clinics_types_need_no_patient()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var appointmentId = (await clinic.BookAsync(token, patientId, clinic.FollowUp, await clinic.SlotAsync(token, clinic.FollowUp, TimeSpan.FromDays(2)))).Body["appointmentId"]!.GetValue<string>();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var reader = await api.CaregiverAsync(patientId, "appointments.read");
        var results = await api.CaregiverAsync(patientId, "results.read");
        var stranger = await api.TokenAsync(PortalApi.UniqueSubject("stranger"));
        var app = await api.CaregiverAsync(patientId, ["appointments.read"], ["launch/patient", "patient/Observation.rs"]);

        async Task<HttpStatusCode> Status(string path, string who)
        {
            using var response = await api.GetAsync($"api/fhir/r4/{path}", who);
            return response.StatusCode;
        }

        var search = $"Appointment?patient={patientId}";
        var read = $"Appointment/{appointmentId}";
        var slots = $"Slot?service-type={clinic.FollowUp}&schedule={clinic.ProviderId}";
        Assert.Equal(
            [
                ("self", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
                ("caregiver appointments.read", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
                ("caregiver results.read", HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK),
                ("front desk", HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK),
                ("stranger", HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
                ("app without Appointment scope", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ],
            [
                ("self", await Status(search, token), await Status(read, token), await Status(slots, token)),
                ("caregiver appointments.read", await Status(search, reader), await Status(read, reader), await Status(slots, reader)),
                ("caregiver results.read", await Status(search, results), await Status(read, results), await Status(slots, results)),
                ("front desk", await Status(search, frontDesk), await Status(read, frontDesk), await Status(slots, frontDesk)),
                ("stranger", await Status(search, stranger), await Status(read, stranger), await Status(slots, stranger)),
                ("app without Appointment scope", await Status(search, app), await Status(read, app), await Status(slots, app)),
            ]);
        Assert.Equal(HttpStatusCode.OK, await Status($"{read}?patient={patientId}", frontDesk));

        // Bad clinic searches are OperationOutcomes naming the parameter.
        using var noType = await api.GetAsync($"api/fhir/r4/Slot?schedule={clinic.ProviderId}", token);
        Assert.Contains("service-type", await FhirAnswers.AssertOutcomeAsync(noType, HttpStatusCode.BadRequest));
        using var patientParameter = await api.GetAsync($"api/fhir/r4/Schedule?patient={patientId}", token);
        await FhirAnswers.AssertOutcomeAsync(patientParameter, HttpStatusCode.BadRequest);
        using var staffOnly = await api.GetAsync($"api/fhir/r4/Slot?service-type={clinic.StaffOnly}", token);
        await FhirAnswers.AssertOutcomeAsync(staffOnly, HttpStatusCode.BadRequest);
        using var tooLong = await api.GetAsync($"api/fhir/r4/Slot?service-type={clinic.FollowUp}&start=ge2030-01-01&start=le2030-02-01", frontDesk);
        await FhirAnswers.AssertOutcomeAsync(tooLong, HttpStatusCode.BadRequest);
        using var unknownSlot = await api.GetAsync("api/fhir/r4/Slot/nothing-here", token);
        await FhirAnswers.AssertOutcomeAsync(unknownSlot, HttpStatusCode.NotFound);
    }
}
