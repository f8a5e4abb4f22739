using Portal.Core.Common;
using Portal.Core.Scheduling;

namespace Portal.Core.Journal;

/// <summary>What a question and its changes must be.</summary>
internal static class QuestionRules
{
    public const int MaxText = 1_000;

    public static FieldErrors Validate(string? text, string? appointmentId, bool textRequired)
    {
        var errors = new FieldErrors();
        if (textRequired || text is not null)
        {
            errors.RequireText(text, "text", MaxText);
        }

        errors.OptionalText(appointmentId, "appointmentId", 100);
        return errors;
    }

    /// <summary>A question may be tied only to an upcoming visit in the patient's chart.</summary>
    public static Failure? Upcoming(string appointmentId, IReadOnlyList<Appointment> appointments, DateTimeOffset now) =>
        appointments.Any(a => a.AppointmentId == appointmentId && QuestionSharing.IsVisit(a) && a.Start > now)
            ? null
            : Failure.Invalid("appointmentId", "Not an upcoming appointment of this patient.");
}
