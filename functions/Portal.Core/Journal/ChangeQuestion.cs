using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Scheduling;

namespace Portal.Core.Journal;

/// <summary>
/// Use case: the patient's side rewords a question, ties it to another visit, shares it with the care team now, or —
/// once the visit has begun — marks it answered with a note; or deletes it. Every change sends the ETag read (If-Match).
/// </summary>
public sealed class ChangeQuestion(IJournal journal, IAppointments appointments, JournalAccess access, IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    private const string Stale = "The question changed since you read it; read it again and reapply your change.";

    /// <summary>The changed question; 400, 403/404, 409 (answered before the visit), 412, 428.</summary>
    public Task<Result<Versioned<QuestionState>>> ExecuteAsync(
        Caller caller, string patientId, string questionId, string? ifMatch, QuestionChange change, CancellationToken cancellationToken)
    {
        var errors = QuestionRules.Validate(change.Text, change.AppointmentId, textRequired: false);
        errors.OptionalText(change.AnswerNote, "answerNote", JournalRules.MaxText);
        errors.Require(change.AppointmentId is null || change.NextVisit is not true, "nextVisit", "Either an appointment or the next visit.");
        errors.Require(change.Share is not false, "share", "A shared question stays shared; send true to share it.");
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Task.FromResult<Result<Versioned<QuestionState>>>(new Failure(FailureKind.PreconditionRequired, "Send the question's ETag in If-Match to change it."));
        }

        if (errors.ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<Versioned<QuestionState>>>(invalid);
        }

        return access.RunAsync<Versioned<QuestionState>>(caller, patientId, write: true, $"patients/{patientId}/journal/questions/{questionId}", async visit =>
        {
            var found = await journal.FindQuestionAsync(patientId, questionId, cancellationToken);
            if (found is null)
            {
                return Failure.NotFound("The question");
            }

            if (found.ETag != ifMatch && ifMatch != "*")
            {
                return new Failure(FailureKind.PreconditionFailed, Stale);
            }

            var (now, zone) = (clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone));
            var visits = (await appointments.ListAsync(patientId, cancellationToken)).Select(a => a.Value).ToList();
            if (change.AppointmentId is { } tied && QuestionRules.Upcoming(tied, visits, now) is { } notUpcoming)
            {
                return notUpcoming;
            }

            var before = found.Value;
            var after = before with
            {
                Text = change.Text?.Trim() ?? before.Text,
                AppointmentId = change.NextVisit is true ? null : change.AppointmentId ?? before.AppointmentId,
                SharedAt = change.Share is true ? before.SharedAt ?? now : before.SharedAt,
                AnswerNote = change.AnswerNote?.Trim() ?? before.AnswerNote,
                UpdatedAt = now,
            };
            if (change.Answered is { } answered)
            {
                if (answered && !QuestionSharing.StateOf(after, visits, now, zone).MayBeAnswered(now))
                {
                    return new Failure(FailureKind.Conflict, "Mark the question answered once the visit has begun.");
                }

                after = after with { AnsweredAt = answered ? before.AnsweredAt ?? now : null };
            }

            try
            {
                var eTag = await journal.SaveQuestionAsync(after, found.ETag, cancellationToken);
                return new Versioned<QuestionState>(QuestionSharing.StateOf(after, visits, now, zone), eTag);
            }
            catch (ConcurrencyConflictException)
            {
                return new Failure(FailureKind.PreconditionFailed, Stale);
            }
        }, cancellationToken);
    }

    /// <summary>Deletes the question; 403/404, 412, 428.</summary>
    public Task<Result<bool>> DeleteAsync(Caller caller, string patientId, string questionId, string? ifMatch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Task.FromResult<Result<bool>>(new Failure(FailureKind.PreconditionRequired, "Send the question's ETag in If-Match to delete it."));
        }

        return access.RunAsync<bool>(caller, patientId, write: true, $"patients/{patientId}/journal/questions/{questionId}", async visit =>
        {
            var found = await journal.FindQuestionAsync(patientId, questionId, cancellationToken);
            if (found is null)
            {
                return Failure.NotFound("The question");
            }

            try
            {
                await journal.DeleteQuestionAsync(found.Value, found.ETag == ifMatch || ifMatch == "*" ? found.ETag : ifMatch, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return new Failure(FailureKind.PreconditionFailed, Stale);
            }
        }, cancellationToken);
    }
}
