namespace Portal.Core.Scheduling.CheckIn;

/// <summary>A check-in: both confirmations, and the questionnaire's answers.</summary>
/// <param name="ContactConfirmed">The patient checked their phone, e-mail and address in the profile and they are right (true required).</param>
/// <param name="InsuranceConfirmed">The patient checked their insurance in the profile and it is right (true required).</param>
/// <param name="Answers">Answers by linkId (required questions must be answered); null or empty when the visit type has no questionnaire.</param>
public sealed record CheckInRequest(bool ContactConfirmed, bool InsuranceConfirmed, IReadOnlyList<CheckInAnswer>? Answers);

/// <summary>One answer: the value field that matches the question's type (a choice is its option in <paramref name="ValueString"/>).</summary>
/// <param name="LinkId">The question's linkId.</param>
/// <param name="ValueBoolean">For a boolean question.</param>
/// <param name="ValueString">For a string question (at most 1000 characters) or a choice.</param>
/// <param name="ValueInteger">For an integer question.</param>
public sealed record CheckInAnswer(string LinkId, bool? ValueBoolean = null, string? ValueString = null, int? ValueInteger = null);
