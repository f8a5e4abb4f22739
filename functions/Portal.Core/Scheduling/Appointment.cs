namespace Portal.Core.Scheduling;

/// <summary>
/// A visit in the patient's chart (row <c>appt|{appointmentId}</c>). The slot it holds is claimed in the provider's
/// claim index; the chart row is the truth the claim sweep reconciles the index with.
/// </summary>
/// <param name="PatientId">Whose chart.</param>
/// <param name="AppointmentId">Unique in the chart; the calendar UID derives from it.</param>
/// <param name="VisitTypeId">The kind of visit.</param>
/// <param name="ProviderId">With whom.</param>
/// <param name="LocationId">Where (or from where, for video and phone visits).</param>
/// <param name="Start">Start, in the clinic's zone with its offset.</param>
/// <param name="End">End.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Reason">Why the patient comes, as they wrote it; shown to the patient and staff only, never in a notice or calendar.</param>
/// <param name="BookedBy">The sign-in subject who booked it.</param>
/// <param name="BookedAt">When.</param>
/// <param name="HoldUntil">For a request: until when the slot is held for staff to decide.</param>
/// <param name="Sequence">Bumped on every change patients see (calendar SEQUENCE).</param>
/// <param name="ConfirmedAt">When the patient confirmed (reply C), or null.</param>
/// <param name="CancelledAt">When it was cancelled or declined, or null.</param>
/// <param name="CancelledBy">Who cancelled or declined it (a subject, or <c>sms</c>).</param>
/// <param name="StatusNote">Staff's reason for a decline, shown to the patient in the portal; never in a notice.</param>
/// <param name="UpdatedAt">The last change.</param>
/// <param name="OnlineCheckInAt">When the patient checked in before the visit (contact, insurance, questionnaire), or null.</param>
public sealed record Appointment(
    string PatientId,
    string AppointmentId,
    string VisitTypeId,
    string ProviderId,
    string LocationId,
    DateTimeOffset Start,
    DateTimeOffset End,
    AppointmentStatus Status,
    string Reason,
    string BookedBy,
    DateTimeOffset BookedAt,
    DateTimeOffset? HoldUntil,
    int Sequence,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CancelledAt,
    string? CancelledBy,
    string? StatusNote,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? OnlineCheckInAt = null)
{
    /// <summary>True while it holds its slot: requested, booked, confirmed or checked in.</summary>
    public bool HoldsSlot => Status is AppointmentStatus.Requested or AppointmentStatus.Booked or AppointmentStatus.Confirmed or AppointmentStatus.CheckedIn;

    /// <summary>Its claim on the provider's time.</summary>
    public SlotClaim Claim => new(ProviderId, PatientId, AppointmentId, Start, End, Status == AppointmentStatus.Requested ? HoldUntil : null);

    /// <summary>The portal path of the appointment (notices link to it).</summary>
    public string Link => $"/appointments/{AppointmentId}";
}

/// <summary>Where an appointment stands.</summary>
public enum AppointmentStatus
{
    /// <summary>Booked as a request; the slot is held until staff approve or decline it.</summary>
    Requested,

    /// <summary>Booked.</summary>
    Booked,

    /// <summary>The patient confirmed it (reply C).</summary>
    Confirmed,

    /// <summary>The patient arrived.</summary>
    CheckedIn,

    /// <summary>The visit took place.</summary>
    Completed,

    /// <summary>Cancelled before the cutoff.</summary>
    Cancelled,

    /// <summary>Cancelled inside the cutoff (by staff, for the patient).</summary>
    LateCancel,

    /// <summary>The patient did not come (staff mark).</summary>
    NoShow,

    /// <summary>A request staff declined, or that nobody decided in time.</summary>
    Declined,
}
