using Portal.Core.Clinic;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling;

/// <summary>An appointment as the patient and staff see it: names, the place with a map link, preparation, the video link in its window.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="PatientId">Whose.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Start">Start, in the clinic's zone with its offset.</param>
/// <param name="End">End.</param>
/// <param name="TimeZone">The clinic's IANA zone.</param>
/// <param name="VisitTypeId">The visit type's id.</param>
/// <param name="VisitType">Its name.</param>
/// <param name="Modality">In person, video or phone.</param>
/// <param name="ProviderId">The provider's id.</param>
/// <param name="Provider">The provider's name.</param>
/// <param name="Location">Where, with the address and a map link.</param>
/// <param name="Reason">The reason the patient gave.</param>
/// <param name="Preparation">The visit type's preparation instructions, or null.</param>
/// <param name="JoinUrl">For a video visit, from 15 minutes before to the end: the link to join; otherwise null.</param>
/// <param name="JoinOpensAt">For a video visit: when the link shows.</param>
/// <param name="ChangeOnlineUntil">Until when the patient may cancel or move it online (the cutoff); later, by phone.</param>
/// <param name="HoldUntil">For a request: until when the slot is held for staff to decide.</param>
/// <param name="StatusNote">Staff's reason for a decline, or null.</param>
/// <param name="ConfirmedAt">When the patient confirmed it, or null.</param>
/// <param name="CheckInOpensAt">When online check-in opens (3 days before, clinic's wall clock); it closes at the start.</param>
/// <param name="OnlineCheckInAt">When the patient checked in online, or null.</param>
/// <param name="Sequence">Its version as calendars see it.</param>
/// <param name="ETag">Its version for If-Match.</param>
public sealed record AppointmentView(
    string AppointmentId,
    string PatientId,
    AppointmentStatus Status,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    string VisitTypeId,
    string VisitType,
    VisitModality Modality,
    string ProviderId,
    string Provider,
    PlaceView Location,
    string Reason,
    string? Preparation,
    string? JoinUrl,
    DateTimeOffset? JoinOpensAt,
    DateTimeOffset ChangeOnlineUntil,
    DateTimeOffset? HoldUntil,
    string? StatusNote,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset CheckInOpensAt,
    DateTimeOffset? OnlineCheckInAt,
    int Sequence,
    string ETag)
{
    /// <summary>The view of a stored appointment at <paramref name="now"/>.</summary>
    public static AppointmentView Of(Common.Versioned<Appointment> stored, ClinicSetup setup, ClinicOptions clinic, SchedulingOptions options, DateTimeOffset now)
    {
        var a = stored.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZone);
        var visitType = setup.VisitType(a.VisitTypeId);
        var location = setup.Location(a.LocationId);
        var video = visitType?.Modality == VisitModality.Video;
        var opensAt = a.Start - TimeSpan.FromMinutes(options.VideoLinkOpensMinutes);
        var joinUrl = video && a.HoldsSlot && a.Status != AppointmentStatus.Requested && now >= opensAt && now < a.End && options.VideoLinkTemplate.Length > 0
            ? options.VideoLinkTemplate.Replace("{appointmentId}", Uri.EscapeDataString(a.AppointmentId), StringComparison.Ordinal)
            : null;
        return new AppointmentView(
            a.AppointmentId, a.PatientId, a.Status, ClinicClock.Local(zone, a.Start), ClinicClock.Local(zone, a.End), clinic.TimeZone,
            a.VisitTypeId, visitType?.Name ?? a.VisitTypeId, visitType?.Modality ?? VisitModality.InPerson,
            a.ProviderId, setup.Provider(a.ProviderId)?.Name ?? a.ProviderId,
            location is null ? new PlaceView(a.LocationId, a.LocationId, null, null, clinic.Phone) : new PlaceView(location.Id, location.Name, location.Address, location.MapUrl, location.Phone ?? clinic.Phone),
            a.Reason, visitType?.Preparation, joinUrl, video ? ClinicClock.Local(zone, opensAt) : null,
            ClinicClock.Local(zone, a.Start - TimeSpan.FromHours(visitType?.CancellationCutoffHours ?? 24)),
            a.Status == AppointmentStatus.Requested ? a.HoldUntil : null, a.StatusNote, a.ConfirmedAt,
            ClinicClock.Local(zone, CheckIn.CheckInWindow.OpensAt(a.Start, zone)), a.OnlineCheckInAt, a.Sequence, stored.ETag);
    }
}

/// <summary>Where a visit is.</summary>
/// <param name="Id">The location's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Address">The address on one line, or null when unknown.</param>
/// <param name="MapUrl">A map link, or null.</param>
/// <param name="Phone">The phone to call about the visit.</param>
public sealed record PlaceView(string Id, string Name, string? Address, string? MapUrl, string? Phone);
