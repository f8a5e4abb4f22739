using Portal.Core.Common;

namespace Portal.Core.Profile;

/// <summary>The validity rules of a profile, checked on every change.</summary>
public static class ProfileRules
{
    /// <summary>How many emergency contacts a profile may hold.</summary>
    public const int MaxEmergencyContacts = 5;

    /// <summary>Validates a whole profile; returns the field errors.</summary>
    public static FieldErrors Validate(PatientProfile profile)
    {
        var errors = new FieldErrors();
        ValidateNoticeContact(profile.Phone, profile.Email, profile.SmsConsent, profile.EmailConsent, profile.PreferredLanguage, profile.TimeZone, errors);

        if (profile.Address is { } address)
        {
            errors.RequireText(address.Line1, "address.line1", 100);
            errors.OptionalText(address.Line2, "address.line2", 100);
            errors.RequireText(address.City, "address.city", 60);
            errors.OptionalText(address.State, "address.state", 60);
            errors.RequireText(address.PostalCode, "address.postalCode", 16);
            errors.Require(ContactRules.IsCountryCode(address.Country ?? ""), "address.country", "Use a two-letter country code such as US.");
        }

        errors.Require(profile.EmergencyContacts.Count <= MaxEmergencyContacts, "emergencyContacts", $"At most {MaxEmergencyContacts} contacts.");
        for (var i = 0; i < profile.EmergencyContacts.Count; i++)
        {
            var contact = profile.EmergencyContacts[i];
            errors.RequireText(contact.Name, $"emergencyContacts[{i}].name", 100);
            errors.Require(ContactRules.IsE164(contact.Phone ?? ""), $"emergencyContacts[{i}].phone", "Use the international format, e.g. +15555550100.");
        }

        if (profile.Insurance is { } insurance)
        {
            errors.RequireText(insurance.Payer, "insurance.payer", 100);
            errors.OptionalText(insurance.Plan, "insurance.plan", 100);
            errors.RequireText(insurance.MemberId, "insurance.memberId", 40);
            errors.OptionalText(insurance.GroupNumber, "insurance.groupNumber", 40);
        }

        return errors;
    }

    /// <summary>Checks where and how someone is told (the profile's fields; a caregiver's own contact details too).</summary>
    public static void ValidateNoticeContact(string? phone, string? email, bool smsConsent, bool emailConsent, string? language, string? timeZone, FieldErrors errors)
    {
        ValidateContact(phone, email, errors);
        errors.Require(language is null || ContactRules.IsLanguageTag(language), "preferredLanguage", "Use a language tag such as en-US.");
        errors.Require(timeZone is null || ContactRules.IsIanaTimeZone(timeZone), "timeZone", "Use an IANA time zone such as America/Chicago.");
        errors.Require(!smsConsent || phone is not null, "smsConsent", "SMS needs a mobile number.");
        errors.Require(!emailConsent || email is not null, "emailConsent", "E-mail notices need an e-mail address.");
    }

    /// <summary>Checks a phone and e-mail pair (registration uses it too).</summary>
    public static void ValidateContact(string? phone, string? email, FieldErrors errors)
    {
        errors.Require(phone is null || ContactRules.IsE164(phone), "phone", "Use the international format, e.g. +15555550100.");
        errors.Require(email is null || ContactRules.IsEmail(email), "email", "This is not an e-mail address.");
    }
}
