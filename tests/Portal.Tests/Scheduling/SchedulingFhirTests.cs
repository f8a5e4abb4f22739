using Hl7.Fhir.Serialization;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Fhir;
using static Portal.Tests.Scheduling.SchedulingTestData;
using FhirAppointment = Hl7.Fhir.Model.Appointment;

namespace Portal.Tests.Scheduling;

/// <summary>Scheduling's data as FHIR R4 Appointment, Slot and Schedule, serialized and read back.</summary>
public class SchedulingFhirTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(-6));

    [Theory]
    [InlineData(AppointmentStatus.Requested, "pending")]
    [InlineData(AppointmentStatus.Confirmed, "booked")]
    [InlineData(AppointmentStatus.Completed, "fulfilled")]
    [InlineData(AppointmentStatus.LateCancel, "cancelled")]
    [InlineData(AppointmentStatus.NoShow, "noshow")]
    public void An_appointment_becomes_a_fhir_appointment_with_its_participants(AppointmentStatus status, string fhirStatus)
    {
        var setup = Setup([Template("mornings", MondayToThursday, "08:00", "12:00")]);
        var appointment = new Appointment("pat-1", "appt-1", "follow-up", "dr-chen", "lakeview", Start, Start.AddMinutes(30), status, "Knee pain", "pat-1",
            Start.AddDays(-3), null, 2, null, null, null, null, Start.AddDays(-1));

        var json = new FhirJsonSerializer().SerializeToString(SchedulingFhir.Appointment(appointment, setup));
        var read = new FhirJsonDeserializer().Deserialize<FhirAppointment>(json);

        Assert.Contains($"\"status\":\"{fhirStatus}\"", json);
        Assert.Equal(("appt-1", SchedulingFhir.Status(status), "2"), (read.Id, read.Status, read.Meta!.VersionId));
        Assert.Equal(Start, read.Start);
        Assert.Equal(30, read.MinutesDuration);
        Assert.Equal(["Patient/pat-1", "Practitioner/dr-chen", "Location/lakeview"], read.Participant.Select(p => p.Actor!.Reference));
        Assert.Equal(("urn:portal:visit-type", "follow-up"), (read.ServiceType[0].Coding[0].System, read.ServiceType[0].Coding[0].Code));
        Assert.Equal(status == AppointmentStatus.LateCancel, read.CancelationReason is not null);
    }

    [Fact]
    public void Slots_and_schedules_point_at_the_provider()
    {
        var setup = Setup([Template("mornings", MondayToThursday, "08:00", "12:00")]);
        var slot = Availability.Slots(setup, VisitType(), "dr-chen", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), Chicago).First();

        var fhirSlot = SchedulingFhir.Slot(slot, VisitType());
        var schedule = SchedulingFhir.Schedule(setup.Provider("dr-chen")!, setup);

        Assert.Equal(("Schedule/dr-chen", Hl7.Fhir.Model.Slot.SlotStatus.Free, (DateTimeOffset?)slot.Start), (fhirSlot.Schedule!.Reference, fhirSlot.Status, fhirSlot.Start));
        Assert.Equal(Start.AddHours(-1), slot.Start);
        Assert.Equal(["Practitioner/dr-chen", "Location/lakeview"], schedule.Actor.Select(a => a.Reference));
        Assert.True(schedule.Active);
    }
}
