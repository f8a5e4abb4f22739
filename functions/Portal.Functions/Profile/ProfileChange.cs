using System.ComponentModel;
using Portal.Core.Profile;

namespace Portal.Functions.Profile;

/// <summary>
/// The body of a profile change, for the OpenAPI document only: the function applies the raw JSON merge patch
/// (<see cref="ProfilePatch"/>), so this type lists what a patch may carry. Every field is optional; an absent field
/// stays, <c>null</c> clears an optional field, objects merge and arrays replace.
/// </summary>
[Description("A JSON merge patch (RFC 7396) of the profile: absent fields stay, null clears an optional field, objects merge, arrays replace. Unknown fields are refused.")]
internal sealed class ProfileChange
{
    private const string ClinicOwned = "Set by the clinic: may be sent back unchanged, not changed.";

    [Description(ClinicOwned)]
    public string PatientId { get; init; } = "";

    [Description(ClinicOwned)]
    public string Mrn { get; init; } = "";

    [Description(ClinicOwned)]
    public string GivenName { get; init; } = "";

    [Description(ClinicOwned)]
    public string FamilyName { get; init; } = "";

    [Description(ClinicOwned)]
    public DateOnly BirthDate { get; init; }

    [Description("Mobile number in E.164 form (+15555550100). Changing it needs a multi-factor sign-in.")]
    public string? Phone { get; init; }

    [Description("E-mail address. Changing it needs a multi-factor sign-in.")]
    public string? Email { get; init; }

    [Description("Merged into the stored address; a new address needs line1, city, postalCode and country.")]
    public PostalAddress? Address { get; init; }

    [Description("BCP 47 language tag, e.g. en-US.")]
    public string? PreferredLanguage { get; init; }

    [Description("IANA time zone, e.g. America/Chicago.")]
    public string? TimeZone { get; init; }

    [Description("Agrees to SMS notices; needs a phone number.")]
    public bool SmsConsent { get; init; }

    [Description("Agrees to e-mail notices; needs an e-mail address.")]
    public bool EmailConsent { get; init; }

    [Description("Replaces the list; at most 5.")]
    public IReadOnlyList<EmergencyContact> EmergencyContacts { get; init; } = [];

    [Description("Merged into the stored coverage.")]
    public Insurance? Insurance { get; init; }
}
