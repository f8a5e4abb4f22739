namespace Portal.Core.Caregivers;

/// <summary>A patient's invitation to a caregiver, as sent.</summary>
/// <param name="CaregiverName">The caregiver's name (1–100 characters).</param>
/// <param name="Relationship">Their relationship to the patient (parent, spouse, …).</param>
/// <param name="Email">Where to send the code by e-mail; an e-mail or a phone is needed.</param>
/// <param name="Phone">Where to send the code by SMS (E.164).</param>
/// <param name="PreferredLanguage">The invitation's language (BCP 47); English when absent.</param>
/// <param name="Scopes">What the caregiver may do: <c>records</c>, <c>results</c>, <c>appointments</c>, <c>messages</c>, <c>billing</c>, <c>prescriptions</c>, <c>profile</c>, each <c>.read</c> or <c>.write</c>.</param>
/// <param name="AccessEndsOn">The last day of access (clinic time), if access should end.</param>
/// <param name="CodeWord">A word the caregiver must give with the code instead of the patient's birth date (4–64 characters).</param>
public sealed record NewInvitation(
    string? CaregiverName,
    string? Relationship,
    string? Email,
    string? Phone,
    string? PreferredLanguage,
    IReadOnlyList<string>? Scopes,
    DateOnly? AccessEndsOn,
    string? CodeWord);

/// <summary>A caregiver redeeming an invitation.</summary>
/// <param name="Code">The invitation code.</param>
/// <param name="BirthDate">The patient's date of birth (unless the patient set a code word).</param>
/// <param name="CodeWord">The code word the patient gave the caregiver, if one was set.</param>
public sealed record InvitationAnswer(string? Code, DateOnly? BirthDate, string? CodeWord);

/// <summary>A change to a grant: only what is sent changes.</summary>
/// <param name="Scopes">The new scopes (narrower or wider).</param>
/// <param name="AccessEndsOn">The new last day of access.</param>
/// <param name="RemoveEndDate">True to make access open-ended.</param>
public sealed record GrantChange(IReadOnlyList<string>? Scopes, DateOnly? AccessEndsOn, bool RemoveEndDate = false);
