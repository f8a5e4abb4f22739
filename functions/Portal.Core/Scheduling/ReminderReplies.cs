using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;

namespace Portal.Core.Scheduling;

/// <summary>
/// The messaging feature's inbound-text extension for reminders: a reply of C confirms and X cancels the appointment
/// whose reminder the number was sent last (cancelling follows the patient's cutoff rule; inside it the answer says to
/// call). A C or X with no reminder behind it gets the help text. Every change is audited as the patient's, by SMS.
/// </summary>
public sealed partial class ReminderReplies(
    IReminders reminders, AppointmentScope scope, SlotBooking booking, CancelAppointment cancel, IAuditLog audit, ISmsSender sms, ISmsLanguages languages,
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
        if (found is null || found.Value.Start != reminder!.Start || !found.Value.HoldsSlot || found.Value.End <= now)
        {
            var spanish = await languages.FindAsync(text.From, cancellationToken) == NoticeLanguage.Spanish;
            await AnswerAsync(text, InboundReplies.Help(clinic.Value, spanish), cancellationToken);
            return true;
        }

        var when = When(found.Value.Start);
        var name = clinic.Value.Name;
        string answer;
        bool succeeded;
        if (word == "C")
        {
            var confirmed = found.Value.Status == AppointmentStatus.Confirmed
                ? found
                : (await booking.KeepAsync(found.Value, found.Value with { Status = AppointmentStatus.Confirmed, ConfirmedAt = now, UpdatedAt = now }, found.ETag, null, null, now, cancellationToken)).Value;
            succeeded = confirmed is not null;
            answer = succeeded ? $"{name}: Thank you. Your appointment on {when} is confirmed." : $"{name}: We could not confirm your appointment just now. Please try again.";
        }
        else
        {
            var setup = await scope.SetupAsync(cancellationToken);
            var cancelled = await cancel.CancelAsync(found, byStaff: false, by: "sms", setup.VisitType(found.Value.VisitTypeId), cancellationToken);
            succeeded = cancelled.Succeeded;
            answer = succeeded
                ? $"{name}: Your appointment on {when} is cancelled."
                : $"{name}: Your appointment on {when} is too soon to cancel by text." + (string.IsNullOrWhiteSpace(clinic.Value.Phone) ? " Please call the clinic." : $" Please call us at {clinic.Value.Phone}.");
        }

        await audit.AppendAsync(new AuditEvent(
            now, $"sms:{text.From}", null, "self (SMS reply)", null, found.Value.PatientId, "appointments.write",
            $"patients/{found.Value.PatientId}/appointments/{found.Value.AppointmentId}/{(word == "C" ? "confirm" : "cancel")}",
            succeeded ? AuditOutcome.Success : AuditOutcome.Failed, null, Activity.Current?.TraceId.ToString()), cancellationToken);
        await AnswerAsync(text, answer, cancellationToken);
        return true;
    }

    private string When(DateTimeOffset start) =>
        ClinicClock.Local(scope.Zone, start).ToString("dddd, MMMM d 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US"));

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
