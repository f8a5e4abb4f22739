using System.Text.Json.Serialization;

namespace Portal.Core.Scheduling.CheckIn;

/// <summary>
/// A visit's online check-in in the patient's chart (row <c>checkin|{appointmentId}</c>): that the patient confirmed their
/// contact details and insurance (as their profile shows them), when, and their answers to the visit type's
/// questionnaire as a FHIR QuestionnaireResponse.
/// </summary>
/// <param name="PatientId">Whose chart.</param>
/// <param name="AppointmentId">The visit checked in.</param>
/// <param name="ContactConfirmedAt">When the patient confirmed their contact details.</param>
/// <param name="InsuranceConfirmedAt">When the patient confirmed their insurance.</param>
/// <param name="Response">The questionnaire's answers.</param>
/// <param name="SubmittedBy">The sign-in subject who checked in (the patient, a caregiver, or staff for them).</param>
/// <param name="SubmittedAt">When.</param>
public sealed record PreVisitCheckIn(
    string PatientId,
    string AppointmentId,
    DateTimeOffset ContactConfirmedAt,
    DateTimeOffset InsuranceConfirmedAt,
    QuestionnaireAnswers Response,
    string SubmittedBy,
    DateTimeOffset SubmittedAt);

/// <summary>The answers in the shape of a FHIR R4 <c>QuestionnaireResponse</c> (the JSON is one).</summary>
/// <param name="ResourceType">Always <c>QuestionnaireResponse</c>.</param>
/// <param name="Questionnaire">The visit type's questionnaire: <c>urn:portal:visit-type:{id}</c>.</param>
/// <param name="Status">Always <c>completed</c>.</param>
/// <param name="Subject">The patient: <c>{ "reference": "Patient/{id}" }</c>.</param>
/// <param name="Authored">When it was answered.</param>
/// <param name="Item">One item per answered question.</param>
public sealed record QuestionnaireAnswers(
    string ResourceType,
    string Questionnaire,
    string Status,
    FhirReference Subject,
    DateTimeOffset Authored,
    IReadOnlyList<AnswerItem> Item);

/// <summary>A FHIR reference.</summary>
/// <param name="Reference">E.g. <c>Patient/{id}</c>.</param>
public sealed record FhirReference(string Reference);

/// <summary>One answered question (<c>QuestionnaireResponse.item</c>).</summary>
/// <param name="LinkId">The question's linkId.</param>
/// <param name="Text">The question as it was asked.</param>
/// <param name="Answer">The answer (one).</param>
public sealed record AnswerItem(string LinkId, string Text, IReadOnlyList<AnswerValue> Answer);

/// <summary>One answer: exactly one of the values (<c>QuestionnaireResponse.item.answer.value[x]</c>; a choice is its option as valueString).</summary>
/// <param name="ValueBoolean">A yes/no answer.</param>
/// <param name="ValueString">A text or choice answer.</param>
/// <param name="ValueInteger">A whole-number answer.</param>
public sealed record AnswerValue(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? ValueBoolean = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ValueString = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ValueInteger = null);
