using System.Text.Json.Serialization;

namespace Portal.Core.Profile;

/// <summary>A patient's demographics, contact details, preferences, consents and insurance.</summary>
/// <param name="PatientId">The patient's id (read-only).</param>
/// <param name="Mrn">Medical record number (read-only).</param>
/// <param name="GivenName">Given name (changed by the clinic only).</param>
/// <param name="FamilyName">Family name (changed by the clinic only).</param>
/// <param name="BirthDate">Date of birth (changed by the clinic only).</param>
/// <param name="Phone">Mobile number, E.164; changing it needs MFA.</param>
/// <param name="Email">E-mail; changing it needs MFA.</param>
/// <param name="Address">Postal address.</param>
/// <param name="PreferredLanguage">BCP 47 tag, e.g. <c>en-US</c>.</param>
/// <param name="TimeZone">IANA time zone for reminders and quiet hours.</param>
/// <param name="SmsConsent">The patient agreed to SMS notices.</param>
/// <param name="EmailConsent">The patient agreed to e-mail notices.</param>
/// <param name="EmergencyContacts">People to call in an emergency.</param>
/// <param name="Insurance">Insurance coverage.</param>
public sealed record PatientProfile(
    string PatientId,
    string Mrn,
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    string? Phone,
    string? Email,
    PostalAddress? Address,
    string? PreferredLanguage,
    string? TimeZone,
    bool SmsConsent,
    bool EmailConsent,
    IReadOnlyList<EmergencyContact> EmergencyContacts,
    Insurance? Insurance)
{
    /// <summary>The name shown in lists.</summary>
    [JsonIgnore]
    public string DisplayName => $"{GivenName} {FamilyName}";
}

/// <summary>A postal address.</summary>
/// <param name="Line1">Street and number.</param>
/// <param name="Line2">Apartment, suite ….</param>
/// <param name="City">City.</param>
/// <param name="State">State or region.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
public sealed record PostalAddress(string Line1, string? Line2, string City, string? State, string PostalCode, string Country);

/// <summary>Someone to call in an emergency.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Relationship">Relationship to the patient.</param>
/// <param name="Phone">Phone, E.164.</param>
public sealed record EmergencyContact(string Name, ContactRelationship Relationship, string Phone);

/// <summary>How an emergency contact is related to the patient.</summary>
public enum ContactRelationship
{
    /// <summary>Spouse.</summary>
    Spouse,

    /// <summary>Partner.</summary>
    Partner,

    /// <summary>Parent.</summary>
    Parent,

    /// <summary>Child.</summary>
    Child,

    /// <summary>Sibling.</summary>
    Sibling,

    /// <summary>Legal guardian.</summary>
    Guardian,

    /// <summary>Friend.</summary>
    Friend,

    /// <summary>Anyone else.</summary>
    Other,
}

/// <summary>Insurance coverage.</summary>
/// <param name="Payer">The insurer.</param>
/// <param name="Plan">The plan name.</param>
/// <param name="MemberId">The member id on the card.</param>
/// <param name="GroupNumber">The group number, if any.</param>
public sealed record Insurance(string Payer, string? Plan, string MemberId, string? GroupNumber);
