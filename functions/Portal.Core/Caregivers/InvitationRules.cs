using Portal.Core.Common;
using Portal.Core.Profile;

namespace Portal.Core.Caregivers;

/// <summary>What an invitation must say before anything is stored or sent.</summary>
public static class InvitationRules
{
    /// <summary>Longest caregiver name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The field errors of the invitation (empty when it is fine) and its parsed scopes.</summary>
    public static (Dictionary<string, string[]> Errors, IReadOnlyList<string> Scopes) Check(NewInvitation invitation)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(invitation.CaregiverName) || invitation.CaregiverName.Trim().Length > MaxNameLength)
        {
            errors["caregiverName"] = [$"1 to {MaxNameLength} characters."];
        }

        Collect(errors, CaregiverRelationships.Parse(invitation.Relationship));
        if (invitation.Email is null && invitation.Phone is null)
        {
            errors["email"] = ["Give the caregiver's e-mail address or mobile number: the code goes there."];
        }

        if (invitation.Email is { } email && !ContactRules.IsEmail(email))
        {
            errors["email"] = ["Not an e-mail address."];
        }

        if (invitation.Phone is { } phone && !ContactRules.IsE164(phone))
        {
            errors["phone"] = ["A mobile number in E.164 form, e.g. +15555550123."];
        }

        if (invitation.PreferredLanguage is { } language && !ContactRules.IsLanguageTag(language))
        {
            errors["preferredLanguage"] = ["A language tag such as en-US or es."];
        }

        if (invitation.CodeWord is { } word && word.Trim().Length is < InvitationCodes.MinCodeWordLength or > InvitationCodes.MaxCodeWordLength)
        {
            errors["codeWord"] = [$"{InvitationCodes.MinCodeWordLength} to {InvitationCodes.MaxCodeWordLength} characters."];
        }

        var scopes = GrantScopes.Parse(invitation.Scopes);
        Collect(errors, scopes);
        return (errors, scopes.Succeeded ? scopes.Value : []);
    }

    private static void Collect<T>(Dictionary<string, string[]> errors, Result<T> result)
    {
        if (!result.Succeeded && result.Failure.Errors is { } more)
        {
            foreach (var (field, messages) in more)
            {
                errors[field] = [.. messages];
            }
        }
    }
}
