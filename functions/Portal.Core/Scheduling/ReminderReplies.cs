using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;
using Portal.Core.Profile;

namespace Portal.Core.Scheduling;

/// <summary>
/// The messaging feature's inbound-text extension for reminders: a reply of C confirms and X cancels the appointment
/// whose reminder the number was sent last (cancelling follows the patient's cutoff rule; inside it the answer says to
/// call). A C or X with no reminder behind it gets the help text. Every change is audited as the patient's, by SMS.
/// </summary>
public sealed partial class ReminderReplies(
    IReminders reminders, AppointmentScope scope, SlotBooking booking, CancelAppointment cancel, IAuditLog audit, ISmsSender sms, IProfiles profiles,
    ISmsLanguages languages,
    IOptions<ClinicOptions> clinic, ILogger<ReminderReplies> logger) : IInboundTextHandler
{
    /// <inheritdoc />
    public async Task<bool> TryHandleAsync(InboundText text, CancellationToken cancellationToken)
    {
        var word = SmsKeywords.Normalize(text.Message);
        if (word is not ("C" or "X"))
        {
            return false;
        }

        var reminder = await reminders.LastTextAsync(text.From, cancellationToken);
        var found = reminder is null ? null : await scope.Appointments.FindAsync(reminder.PatientId, reminder.AppointmentId, cancellationToken);
        var now = scope.Now;

        // The answer is in the language of the patient the number's last reminder went to (their appointment is the
        // subject; the reminder may still be waiting for quiet hours to end); without one, the number's own language.
        var spanish = reminder is not null
            ? NoticeLanguage.IsSpanish((await profiles.FindAsync(reminder.PatientId, cancellationToken))?.Value.PreferredLanguage)
            : await languages.FindAsync(text.From, cancellationToken) == NoticeLanguage.Spanish;
        var texts = new ReminderReplyTexts(clinic.Value, spanish, scope.Zone);
        if (found is null || found.Value.Start != reminder!.Start || !found.Value.HoldsSlot || found.Value.End <= now)
        {
            await AnswerAsync(text, texts.Help, cancellationToken);
            return true;
        }

        string answer;
        bool succeeded;
        if (word == "C")
        {
            var confirmed = found.Value.Status == AppointmentStatus.Confirmed
                ? found
                : (await booking.KeepAsync(found.Value, found.Value with { Status = AppointmentStatus.Confirmed, ConfirmedAt = now, UpdatedAt = now }, found.ETag, null, null, now, cancellationToken)).Value;
            succeeded = confirmed is not null;
            answer = succeeded ? texts.Confirmed(found.Value.Start) : texts.NotConfirmed;
        }
        else
        {
            var setup = await scope.SetupAsync(cancellationToken);
            var cancelled = await cancel.CancelAsync(found, byStaff: false, by: "sms", setup.VisitType(found.Value.VisitTypeId), cancellationToken);
            succeeded = cancelled.Succeeded;
            answer = succeeded ? texts.Cancelled(found.Value.Start) : texts.TooSoon(found.Value.Start);
        }

        await audit.AppendAsync(new AuditEvent(
            now, $"sms:{text.From}", null, "self (SMS reply)", null, found.Value.PatientId, "appointments.write",
            $"patients/{found.Value.PatientId}/appointments/{found.Value.AppointmentId}/{(word == "C" ? "confirm" : "cancel")}",
            succeeded ? AuditOutcome.Success : AuditOutcome.Failed, null, Activity.Current?.TraceId.ToString()), cancellationToken);
        await AnswerAsync(text, answer, cancellationToken);
        return true;
    }

    private async Task AnswerAsync(InboundText text, string words, CancellationToken cancellationToken)
    {
        var result = await sms.SendAsync(InboundReplies.To(text, words), cancellationToken);
        if (result.Outcome != SendOutcome.Accepted)
        {
            LogNotAnswered(logger, text.MessageId, result.Outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to reminder reply {MessageId} was not sent: {Outcome}")]
    private static partial void LogNotAnswered(ILogger logger, string messageId, SendOutcome outcome);
}
