using Portal.Core.Common;
using Portal.Core.Journal;

namespace Portal.Functions.Journal;

/// <summary>A page of journal entries, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="ContinuationToken">The next page's token, or null.</param>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Items, string? ContinuationToken);

/// <summary>A question for a visit, with the visit and when the care team sees it.</summary>
/// <param name="QuestionId">The question's id.</param>
/// <param name="Text">The question.</param>
/// <param name="AppointmentId">The appointment it is tied to; null for the next visit.</param>
/// <param name="VisitAppointmentId">The visit it will be asked at (the tied appointment, or the next one booked); null while none is booked.</param>
/// <param name="VisitStart">When that visit starts.</param>
/// <param name="AskedAt">When it was written.</param>
/// <param name="AskedByName">Who wrote it.</param>
/// <param name="SharedWithCareTeam">True when the care team sees it now.</param>
/// <param name="SharesAt">When the care team sees (or saw) it: when it was shared, or when the visit's check-in window opens (three days before, clinic time).</param>
/// <param name="AnsweredAt">When it was marked answered.</param>
/// <param name="AnswerNote">The patient's note of the answer.</param>
/// <param name="ETag">Its version, for If-Match.</param>
public sealed record QuestionView(
    string QuestionId,
    string Text,
    string? AppointmentId,
    string? VisitAppointmentId,
    DateTimeOffset? VisitStart,
    DateTimeOffset AskedAt,
    string? AskedByName,
    bool SharedWithCareTeam,
    DateTimeOffset? SharesAt,
    DateTimeOffset? AnsweredAt,
    string? AnswerNote,
    string ETag)
{
    internal static QuestionView From(Versioned<QuestionState> state)
    {
        var (q, visit) = (state.Value.Question, state.Value.Visit);
        return new(q.QuestionId, q.Text, q.AppointmentId, visit?.AppointmentId, visit?.Start, q.AskedAt, q.AskedByName, state.Value.Shared, state.Value.SharesAt, q.AnsweredAt, q.AnswerNote, state.ETag);
    }
}

/// <summary>The questions for the next visits, in the order asked.</summary>
/// <param name="Items">The questions.</param>
public sealed record QuestionList(IReadOnlyList<QuestionView> Items);

/// <summary>What the patient's side has shared with the care team, newest first.</summary>
/// <param name="Items">The shares.</param>
public sealed record ShareList(IReadOnlyList<JournalShare> Items);
