using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Scheduling;

namespace Portal.Core.Journal;

/// <summary>Use case: the patient's side writes down a question for an upcoming appointment or the next visit (Idempotency-Key: a retry answers with the same question).</summary>
public sealed class AddQuestion(IJournal journal, IAppointments appointments, JournalAccess access, IRequestReplays replays, IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    private const string Operation = "visit-question";

    /// <summary>The question with when the care team sees it; 400, 403/404, 409 for a reused key.</summary>
    public Task<Result<Versioned<QuestionState>>> ExecuteAsync(Caller caller, string patientId, NewQuestion request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = QuestionRules.Validate(request.Text, request.AppointmentId, textRequired: true);
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<Versioned<QuestionState>>>(invalid);
        }

        return access.RunAsync<Versioned<QuestionState>>(caller, patientId, write: true, $"patients/{patientId}/journal/questions", async visit =>
        {
            var now = clock.GetUtcNow();
            var booked = (await appointments.ListAsync(patientId, cancellationToken)).Select(a => a.Value).ToList();
            if (request.AppointmentId is { } tied && QuestionRules.Upcoming(tied, booked, now) is { } notUpcoming)
            {
                return notUpcoming;
            }

            var claimed = await replays.ClaimAsync(
                caller.Subject, Operation, idempotencyKey, IdempotencyKeys.Hash(new { patientId, request }), () => $"q{now.UtcTicks:D19}{Guid.NewGuid():N}"[..28], now, cancellationToken);
            if (!claimed.Succeeded)
            {
                return claimed.Failure;
            }

            var (replay, retry) = claimed.Value;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
            var question = retry ? await journal.FindQuestionAsync(patientId, replay.ResourceId, cancellationToken) : null;
            if (question is null)
            {
                var fresh = new VisitQuestion(patientId, replay.ResourceId, request.Text.Trim(), request.AppointmentId, replay.CreatedAt, caller.Subject, caller.DisplayName, null, null, null, replay.CreatedAt);
                try
                {
                    question = new Versioned<VisitQuestion>(fresh, await journal.SaveQuestionAsync(fresh, null, cancellationToken));
                }
                catch (ConcurrencyConflictException)
                {
                    question = await journal.FindQuestionAsync(patientId, fresh.QuestionId, cancellationToken);
                    if (question is null)
                    {
                        return new Failure(FailureKind.Conflict, "The question was changed meanwhile; try again.");
                    }
                }
            }

            return new Versioned<QuestionState>(QuestionSharing.StateOf(question.Value, booked, now, zone), question.ETag);
        }, cancellationToken);
    }
}
