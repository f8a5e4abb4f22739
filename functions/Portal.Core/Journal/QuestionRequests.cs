namespace Portal.Core.Journal;

/// <summary>A question for a visit.</summary>
/// <param name="Text">The question (at most 1,000 characters).</param>
/// <param name="AppointmentId">An upcoming appointment; leave it out for the next visit.</param>
public sealed record NewQuestion(string Text, string? AppointmentId = null);

/// <summary>A change to a question; what is left out stays.</summary>
/// <param name="Text">New wording.</param>
/// <param name="AppointmentId">Tie it to this upcoming appointment.</param>
/// <param name="NextVisit">True: tie it to the next visit instead of an appointment.</param>
/// <param name="Share">True: share it with the care team now.</param>
/// <param name="Answered">True once the visit has begun: it was answered (false reopens it).</param>
/// <param name="AnswerNote">What you noted of the answer (at most 4,000 characters).</param>
public sealed record QuestionChange(string? Text = null, string? AppointmentId = null, bool? NextVisit = null, bool? Share = null, bool? Answered = null, string? AnswerNote = null);
