namespace Portal.Core.SelfCheck;

/// <summary>The sections the patient confirms are still correct.</summary>
public enum ConfirmedSection
{
    /// <summary>Contact details, address, language, insurance.</summary>
    Profile,

    /// <summary>The medication list.</summary>
    Medications,

    /// <summary>The allergy list.</summary>
    Allergies,

    /// <summary>Emergency contacts.</summary>
    EmergencyContacts,
}

/// <summary>When the patient's side last confirmed each section (chart row <c>selfcheck|confirmed</c>).</summary>
/// <param name="Profile">Profile.</param>
/// <param name="Medications">Medications.</param>
/// <param name="Allergies">Allergies.</param>
/// <param name="EmergencyContacts">Emergency contacts.</param>
public sealed record SectionConfirmations(DateTimeOffset? Profile, DateTimeOffset? Medications, DateTimeOffset? Allergies, DateTimeOffset? EmergencyContacts)
{
    /// <summary>Never confirmed.</summary>
    public static SectionConfirmations None { get; } = new(null, null, null, null);

    /// <summary>When a section was last confirmed.</summary>
    public DateTimeOffset? Of(ConfirmedSection section) => section switch
    {
        ConfirmedSection.Profile => Profile,
        ConfirmedSection.Medications => Medications,
        ConfirmedSection.Allergies => Allergies,
        _ => EmergencyContacts,
    };
}

/// <summary>A confirmation that a section is still correct.</summary>
/// <param name="Section">profile, medications, allergies or emergencyContacts.</param>
public sealed record SectionConfirmation(ConfirmedSection Section);
