using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Portal.Core.Profile;

/// <summary>Format rules for contact data, shared by registration and profile changes.</summary>
public static partial class ContactRules
{
    /// <summary>True for an E.164 number: <c>+</c>, country code, up to 15 digits.</summary>
    public static bool IsE164(string value) => E164().IsMatch(value);

    /// <summary>True for a plausible single e-mail address.</summary>
    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    /// <summary>True for an IANA time zone id this machine knows (Windows ids are refused).</summary>
    public static bool IsIanaTimeZone(string value) =>
        value.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId;

    /// <summary>True for a BCP 47 language tag such as <c>en</c>, <c>es-MX</c>, <c>zh-Hant-TW</c>.</summary>
    public static bool IsLanguageTag(string value) => LanguageTag().IsMatch(value);

    /// <summary>True for an ISO 3166-1 alpha-2 country code.</summary>
    public static bool IsCountryCode(string value) => CountryCode().IsMatch(value);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
