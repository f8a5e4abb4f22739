using Portal.Core.Profile;

namespace Portal.Tests.Profile;

internal static class Profiles
{
    public static PatientProfile Ana() => new(
        "pat-1", "MRN-1001", "Ana", "Diaz", new DateOnly(1984, 3, 9), "+15555550101", "ana@example.org",
        new PostalAddress("12 Elm St", null, "Springfield", "IL", "62701", "US"), "en-US", "America/Chicago",
        SmsConsent: true, EmailConsent: true, [new EmergencyContact("Luis Diaz", ContactRelationship.Spouse, "+15555550102")],
        new Insurance("Acme Health", "Gold PPO", "XJH123456", "G-77"));
}
