using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling.CheckIn;

/// <summary>A visit's online check-in: the window, what to confirm (in the profile), the questionnaire, and what was answered.</summary>
/// <param name="AppointmentId">The visit.</param>
/// <param name="OpensAt">When check-in opens (clinic's zone).</param>
/// <param name="ClosesAt">When it closes: the visit's start.</param>
/// <param name="IsOpen">True now, for a booked or confirmed visit.</param>
/// <param name="CheckedInAt">When this visit (at its current time) was checked in, or null; a moved visit is checked in anew.</param>
/// <param name="ProfileUrl">Where the contact details and insurance to confirm are read and changed.</param>
/// <param name="Questionnaire">The visit type's questions (empty: none).</param>
/// <param name="ContactConfirmedAt">When the contact details were confirmed, or null.</param>
/// <param name="InsuranceConfirmedAt">When the insurance was confirmed, or null.</param>
/// <param name="Response">The last answers as a FHIR QuestionnaireResponse (kept after a move, to start from), or null before any check-in.</param>
/// <param name="ETag">The check-in's version for If-Match; before check-in <see cref="None"/> (If-Match with it: only if nobody checked in meanwhile).</param>
public sealed record CheckInView(
    string AppointmentId,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    bool IsOpen,
    DateTimeOffset? CheckedInAt,
    string ProfileUrl,
    IReadOnlyList<QuestionnaireItem> Questionnaire,
    DateTimeOffset? ContactConfirmedAt,
    DateTimeOffset? InsuranceConfirmedAt,
    QuestionnaireAnswers? Response,
    string ETag)
{
    /// <summary>The ETag of a visit not checked in yet.</summary>
    public const string None = "W/\"none\"";

    /// <summary>The view of a visit's check-in (or its absence) at <paramref name="now"/>.</summary>
    public static CheckInView Of(Appointment appointment, Versioned<PreVisitCheckIn>? checkIn, ClinicSetup setup, TimeZoneInfo zone, DateTimeOffset now) => new(
        appointment.AppointmentId,
        ClinicClock.Local(zone, CheckInWindow.OpensAt(appointment.Start, zone)),
        ClinicClock.Local(zone, appointment.Start),
        CheckInWindow.Refusal(appointment, zone, now) is null,
        appointment.OnlineCheckInAt,
        $"/api/patients/{appointment.PatientId}/profile",
        setup.VisitType(appointment.VisitTypeId)?.Questionnaire ?? [],
        checkIn?.Value.ContactConfirmedAt,
        checkIn?.Value.InsuranceConfirmedAt,
        checkIn?.Value.Response,
        checkIn?.ETag ?? None);
}
