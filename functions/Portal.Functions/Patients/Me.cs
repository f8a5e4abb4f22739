using Portal.Core.Access;
using Portal.Core.Identity;

namespace Portal.Functions.Patients;

/// <summary>The signed-in person: who the token says they are and the patients they may act for.</summary>
/// <param name="Subject">The sign-in subject.</param>
/// <param name="Name">The display name from the token.</param>
/// <param name="Roles">App roles, in ordinal order.</param>
/// <param name="Mfa">True when the sign-in used multi-factor authentication.</param>
/// <param name="Patients">The patients one may act for (oneself, people one is a caregiver of).</param>
internal sealed record Me(string Subject, string? Name, IReadOnlyList<string> Roles, bool Mfa, IReadOnlyList<MyPatient> Patients)
{
    public static Me From(Caller caller, IEnumerable<PatientLink> links) =>
        new(caller.Subject, caller.DisplayName, [.. caller.Roles.Order(StringComparer.Ordinal)], caller.HasMfa, [.. links.Select(MyPatient.From)]);
}
