using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling.Calendar;

/// <summary>
/// Appointments as an RFC 5545 calendar (Ical.Net): the clinic's zone as a VTIMEZONE and every time in it, a UID that
/// never changes for an appointment, SEQUENCE from the appointment's change count, cancelled and declined visits as
/// <c>STATUS:CANCELLED</c>. An event names only the visit type, the provider, the clinic and the place: never the reason.
/// </summary>
public static class AppointmentCalendar
{
    /// <summary>The UID of an appointment's event, stable across every change.</summary>
    public static string Uid(string appointmentId) => $"appointment-{appointmentId}@patient-portal";

    /// <summary>The calendar text of <paramref name="appointments"/>, stamped <paramref name="now"/>.</summary>
    public static string Render(IEnumerable<AppointmentView> appointments, string clinicName, string timeZone, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = $"-//{clinicName}//Patient portal//EN", Method = "PUBLISH" };
        calendar.AddTimeZone(new VTimeZone(timeZone));
        calendar.AddProperty("X-WR-CALNAME", $"{clinicName} appointments");
        calendar.AddProperty("X-WR-TIMEZONE", timeZone);
        foreach (var view in appointments)
        {
            calendar.Events.Add(Event(view, clinicName, timeZone, now));
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(AppointmentView view, string clinicName, string timeZone, DateTimeOffset now) => new()
    {
        Uid = Uid(view.AppointmentId),
        Sequence = view.Sequence,
        DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
        Start = new CalDateTime(view.Start.DateTime, timeZone),
        End = new CalDateTime(view.End.DateTime, timeZone),
        Summary = $"{view.VisitType} with {view.Provider}",
        Location = view.Modality switch
        {
            VisitModality.Video => "Video visit (the link is in the patient portal)",
            VisitModality.Phone => "Phone visit (the clinic calls you)",
            _ => view.Location.Address is { } address ? $"{clinicName}, {view.Location.Name}, {address}" : $"{clinicName}, {view.Location.Name}",
        },
        Description = $"{clinicName}. See, move or cancel it in the patient portal.",
        Status = view.Status switch
        {
            AppointmentStatus.Cancelled or AppointmentStatus.LateCancel or AppointmentStatus.Declined => EventStatus.Cancelled,
            AppointmentStatus.Requested => EventStatus.Tentative,
            _ => EventStatus.Confirmed,
        },
    };
}
