namespace Portal.Core.Journal;

/// <summary>
/// A question the patient wants to ask at a visit (chart row <c>jq|{questionId}</c>): tied to one upcoming appointment, or
/// to whichever visit comes next. The care team sees it once the patient's side shares it, or by itself once the visit's
/// check-in window opens (<see cref="QuestionSharing"/>); after the visit the patient marks it answered.
/// </summary>
/// <param name="PatientId">Whose.</param>
/// <param name="QuestionId">Sorts in the order asked.</param>
/// <param name="Text">The question, at most 1,000 characters.</param>
/// <param name="AppointmentId">The appointment it is for; null for the next visit.</param>
/// <param name="AskedAt">When it was written.</param>
/// <param name="AskedBy">Who wrote it (subject).</param>
/// <param name="AskedByName">Their name.</param>
/// <param name="SharedAt">When the patient's side shared it explicitly.</param>
/// <param name="AnsweredAt">When the patient marked it answered.</param>
/// <param name="AnswerNote">What the patient noted of the answer (at most 4,000 characters).</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record VisitQuestion(
    string PatientId,
    string QuestionId,
    string Text,
    string? AppointmentId,
    DateTimeOffset AskedAt,
    string AskedBy,
    string? AskedByName,
    DateTimeOffset? SharedAt,
    DateTimeOffset? AnsweredAt,
    string? AnswerNote,
    DateTimeOffset UpdatedAt);
