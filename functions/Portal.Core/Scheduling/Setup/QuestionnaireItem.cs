namespace Portal.Core.Scheduling.Setup;

/// <summary>
/// One question of a visit type's short pre-visit questionnaire (the shape of a FHIR <c>Questionnaire.item</c>): answered
/// at check-in and kept in the chart as a QuestionnaireResponse item with the same <see cref="LinkId"/>.
/// </summary>
/// <param name="LinkId">Stable id of the question within the questionnaire (letters, digits, '.', '-').</param>
/// <param name="Text">The question as the patient reads it.</param>
/// <param name="Type">The kind of answer.</param>
/// <param name="Required">True: check-in needs an answer.</param>
/// <param name="Options">For a choice: the answers to choose from (2 to 10); otherwise null.</param>
public sealed record QuestionnaireItem(string LinkId, string Text, QuestionType Type, bool Required, IReadOnlyList<string>? Options = null);

/// <summary>The kind of answer a question takes (FHIR item types of the same names).</summary>
public enum QuestionType
{
    /// <summary>Yes or no.</summary>
    Boolean,

    /// <summary>Free text (at most 1000 characters).</summary>
    String,

    /// <summary>One of the question's options.</summary>
    Choice,

    /// <summary>A whole number.</summary>
    Integer,
}
