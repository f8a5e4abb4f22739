namespace Portal.Core.Scheduling.Setup;

/// <summary>A kind of visit patients (or staff) book: how long it takes, how it happens, and who may book it.</summary>
/// <param name="Id">Short stable id (<c>follow-up</c>).</param>
/// <param name="Name">As patients see it (<c>Follow-up visit</c>).</param>
/// <param name="DurationMinutes">10 to 120, in steps of 5 (slots are claimed in 5-minute units).</param>
/// <param name="Modality">In person, video or phone.</param>
/// <param name="SelfBooking">Who may book it online.</param>
/// <param name="RequiresApproval">True: a booking is a request that holds the slot until staff approve or decline it.</param>
/// <param name="MinimumNoticeHours">How far ahead a patient must book (0 to 336).</param>
/// <param name="HorizonDays">How far ahead a patient may book (1 to 365).</param>
/// <param name="CancellationCutoffHours">Inside this many hours before the visit patients cancel by phone (default 24).</param>
/// <param name="ReminderHours">Hours before the visit a reminder goes (default 48 and 2); empty: none.</param>
/// <param name="Preparation">What to do before the visit (fasting, forms, arrive early), or null.</param>
/// <param name="Questionnaire">The short pre-visit questionnaire answered at check-in (at most 10 questions), or null for none.</param>
public sealed record VisitType(
    string Id,
    string Name,
    int DurationMinutes,
    VisitModality Modality,
    SelfBooking SelfBooking,
    bool RequiresApproval,
    int MinimumNoticeHours,
    int HorizonDays,
    int CancellationCutoffHours,
    IReadOnlyList<int> ReminderHours,
    string? Preparation,
    IReadOnlyList<QuestionnaireItem>? Questionnaire = null) : ISetupItem
{
    /// <summary>The visit's length.</summary>
    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);
}

/// <summary>How a visit happens.</summary>
public enum VisitModality
{
    /// <summary>At a location.</summary>
    InPerson,

    /// <summary>A video call; the join link is shown from 15 minutes before to the end.</summary>
    Video,

    /// <summary>The provider calls the patient.</summary>
    Phone,
}

/// <summary>Who may book a visit type online (staff may always book on a patient's behalf).</summary>
public enum SelfBooking
{
    /// <summary>Every patient.</summary>
    Anyone,

    /// <summary>Patients with no earlier visit.</summary>
    NewPatients,

    /// <summary>Patients with an earlier visit that was not cancelled.</summary>
    EstablishedPatients,

    /// <summary>Only staff book it.</summary>
    StaffOnly,
}
