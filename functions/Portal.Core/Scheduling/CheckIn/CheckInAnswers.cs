using Portal.Core.Common;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling.CheckIn;

/// <summary>The rules of a check-in's body: both confirmations, and answers that fit the visit type's questionnaire.</summary>
public static class CheckInAnswers
{
    /// <summary>The longest text answer.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The questionnaire's canonical name for a visit type.</summary>
    public static string QuestionnaireOf(string visitTypeId) => $"urn:portal:visit-type:{visitTypeId}";

    /// <summary>
    /// The answers as a QuestionnaireResponse, in the questionnaire's order; 400 with a field error per problem
    /// (a confirmation missing, an unknown or repeated linkId, a value of the wrong type, an option not offered, a required question unanswered).
    /// </summary>
    public static Result<QuestionnaireAnswers> Read(
        CheckInRequest request, IReadOnlyList<QuestionnaireItem>? questionnaire, string patientId, string visitTypeId, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Require(request.ContactConfirmed, "contactConfirmed", "Confirm your phone, e-mail and address (change them in your profile first if they are wrong).");
        errors.Require(request.InsuranceConfirmed, "insuranceConfirmed", "Confirm your insurance (change it in your profile first if it is wrong).");
        var questions = questionnaire ?? [];
        var answers = request.Answers ?? [];
        var items = new Dictionary<string, AnswerItem>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < answers.Count; index++)
        {
            var (answer, field) = (answers[index], $"answers[{index}]");
            var question = questions.FirstOrDefault(q => q.LinkId == answer?.LinkId);
            if (answer is null || question is null)
            {
                errors.Add($"{field}.linkId", "No such question in this visit's questionnaire.");
                continue;
            }

            if (!seen.Add(question.LinkId))
            {
                errors.Add($"{field}.linkId", "Answer each question once.");
                continue;
            }

            if (Value(question, answer) is { } value)
            {
                items[question.LinkId] = new AnswerItem(question.LinkId, question.Text, [value]);
            }
            else
            {
                errors.Add(field, Expected(question));
            }
        }

        foreach (var missing in questions.Where(q => q.Required && !seen.Contains(q.LinkId)))
        {
            errors.Add($"answers.{missing.LinkId}", "This question needs an answer.");
        }

        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        return new QuestionnaireAnswers("QuestionnaireResponse", QuestionnaireOf(visitTypeId), "completed", new FhirReference($"Patient/{patientId}"), now,
            [.. questions.Where(q => items.ContainsKey(q.LinkId)).Select(q => items[q.LinkId])]);
    }

    // The answer's one value if it fits the question; null otherwise.
    private static AnswerValue? Value(QuestionnaireItem question, CheckInAnswer answer)
    {
        var given = (answer.ValueBoolean is null ? 0 : 1) + (answer.ValueString is null ? 0 : 1) + (answer.ValueInteger is null ? 0 : 1);
        if (given != 1)
        {
            return null;
        }

        return question.Type switch
        {
            QuestionType.Boolean when answer.ValueBoolean is { } yes => new AnswerValue(ValueBoolean: yes),
            QuestionType.Integer when answer.ValueInteger is { } number => new AnswerValue(ValueInteger: number),
            QuestionType.String when answer.ValueString is { } text && text.Trim().Length is > 0 and <= MaxTextLength => new AnswerValue(ValueString: text.Trim()),
            QuestionType.Choice when answer.ValueString is { } option && (question.Options ?? []).Contains(option, StringComparer.Ordinal) => new AnswerValue(ValueString: option),
            _ => null,
        };
    }

    private static string Expected(QuestionnaireItem question) => question.Type switch
    {
        QuestionType.Boolean => "valueBoolean (true or false), and no other value.",
        QuestionType.Integer => "valueInteger (a whole number), and no other value.",
        QuestionType.String => $"valueString (1 to {MaxTextLength} characters), and no other value.",
        _ => $"valueString: one of {string.Join(", ", (question.Options ?? []).Select(o => $"\"{o}\""))}.",
    };
}
