using Portal.Core.Clinic;
using Portal.Core.Scheduling;

namespace Portal.Core.Journal;

/// <summary>
/// When the care team sees a question: once the patient's side shares it, or by itself once its visit's check-in window
/// opens — midnight in the clinic's zone three days before the visit's day — so the questions are there at check-in
/// without anybody pressing a button. The visit is the appointment the question is tied to, or, for "next visit", the
/// first visit booked after the question was asked.
/// </summary>
public static class QuestionSharing
{
    /// <summary>Days before the visit's day the check-in window opens.</summary>
    public const int CheckInWindowDays = 3;

    /// <summary>Where the question stands at <paramref name="now"/>.</summary>
    public static QuestionState StateOf(VisitQuestion question, IReadOnlyList<Appointment> appointments, DateTimeOffset now, TimeZoneInfo zone)
    {
        var visit = VisitOf(question, appointments);
        var windowOpens = visit is null ? (DateTimeOffset?)null : WindowOpens(visit.Start, zone);
        DateTimeOffset?[] candidates = [question.SharedAt, windowOpens is { } opens ? Max(opens, question.AskedAt) : null];
        var sharesAt = candidates.Where(c => c is not null).Min();
        return new QuestionState(question, visit, sharesAt, sharesAt is { } at && at <= now);
    }

    /// <summary>The instant the check-in window of a visit starting at <paramref name="start"/> opens.</summary>
    public static DateTimeOffset WindowOpens(DateTimeOffset start, TimeZoneInfo zone) =>
        ClinicClock.At(zone, ClinicClock.DateOf(zone, start).AddDays(-CheckInWindowDays), TimeOnly.MinValue);

    /// <summary>True when an appointment is a visit that takes or took place (not cancelled, declined or missed).</summary>
    public static bool IsVisit(Appointment appointment) => appointment.HoldsSlot || appointment.Status == AppointmentStatus.Completed;

    private static Appointment? VisitOf(VisitQuestion question, IReadOnlyList<Appointment> appointments) =>
        question.AppointmentId is { } tied
            ? appointments.FirstOrDefault(a => a.AppointmentId == tied && IsVisit(a))
            : appointments.Where(a => IsVisit(a) && a.Start > question.AskedAt).MinBy(a => a.Start);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>A question with its visit and when the care team sees it.</summary>
/// <param name="Question">The question.</param>
/// <param name="Visit">The visit it is for, when one is booked.</param>
/// <param name="SharesAt">When the care team sees (or saw) it; null while it waits for a visit to be booked.</param>
/// <param name="Shared">True when the care team sees it now.</param>
public sealed record QuestionState(VisitQuestion Question, Appointment? Visit, DateTimeOffset? SharesAt, bool Shared)
{
    /// <summary>True once the visit has begun (or when no visit was ever booked): the patient may mark it answered.</summary>
    public bool MayBeAnswered(DateTimeOffset now) => Visit is null || Visit.Start <= now;
}
