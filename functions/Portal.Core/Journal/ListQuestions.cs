using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Scheduling;

namespace Portal.Core.Journal;

/// <summary>Use case: the questions for the next visits, in the order asked, each with its visit and when the care team sees it; staff see the shared ones.</summary>
public sealed class ListQuestions(IJournal journal, IAppointments appointments, JournalAccess access, IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    /// <summary>The questions (<c>open</c>, <c>answered</c> or <c>all</c>); 400, 403/404.</summary>
    public Task<Result<IReadOnlyList<Versioned<QuestionState>>>> ExecuteAsync(Caller caller, string patientId, string? state, CancellationToken cancellationToken)
    {
        if (state is not (null or "open" or "answered" or "all"))
        {
            return Task.FromResult<Result<IReadOnlyList<Versioned<QuestionState>>>>(Failure.Invalid("state", "open, answered or all."));
        }

        return access.RunAsync<IReadOnlyList<Versioned<QuestionState>>>(caller, patientId, write: false, $"patients/{patientId}/journal/questions", async visit =>
        {
            var questions = journal.QuestionsAsync(patientId, cancellationToken);
            var booked = appointments.ListAsync(patientId, cancellationToken);
            var (now, zone) = (clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone));
            var visits = (await booked).Select(a => a.Value).ToList();
            return (await questions)
                .Select(q => new Versioned<QuestionState>(QuestionSharing.StateOf(q.Value, visits, now, zone), q.ETag))
                .Where(q => JournalAccess.IsPatientSide(visit) || q.Value.Shared)
                .Where(q => state switch
                {
                    "answered" => q.Value.Question.AnsweredAt is not null,
                    "all" => true,
                    _ => q.Value.Question.AnsweredAt is null,
                })
                .ToList();
        }, cancellationToken);
    }
}
