using System.Security.Cryptography;
using System.Text;
using Portal.Core.Patients;

namespace Portal.Core.Caregivers;

/// <summary>
/// Invitation codes are activation codes (<see cref="ActivationCode"/>: 60 bits, no look-alikes, stored as a hash) with
/// the same lifetime and lockout; the caregiver answers with the patient's birth date or a code word the patient set,
/// kept only as a salted, slow hash.
/// </summary>
public static class InvitationCodes
{
    /// <summary>Wrong answers after which the code is locked (the activation rule).</summary>
    public const int MaxFailedAttempts = PendingActivation.MaxFailedAttempts;

    /// <summary>How long a code works (the activation rule).</summary>
    public static TimeSpan Lifetime => PendingActivation.Lifetime;

    /// <summary>Shortest code word.</summary>
    public const int MinCodeWordLength = 4;

    /// <summary>Longest code word.</summary>
    public const int MaxCodeWordLength = 64;

    /// <summary>A new code in clear (sent once) and its hash (stored).</summary>
    public static (string Code, string Hash) Issue()
    {
        var code = ActivationCode.Generate();
        return (code, ActivationCode.Hash(ActivationCode.Normalize(code)!));
    }

    /// <summary>The stored hash of what a caregiver typed, or null when it cannot be a code.</summary>
    public static string? HashOf(string? typed) => ActivationCode.Normalize(typed) is { } normalized ? ActivationCode.Hash(normalized) : null;

    /// <summary>The code word's hash: PBKDF2-SHA256 salted with the invitation's id; case and outer spaces do not count.</summary>
    public static string HashCodeWord(string codeWord, string invitationId) =>
        Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(codeWord.Trim().ToLowerInvariant()), Encoding.UTF8.GetBytes(invitationId), 100_000, HashAlgorithmName.SHA256, 32));

    /// <summary>True when the answer matches the invitation's check (code word if set, else birth date), in constant time for the word.</summary>
    public static bool Answers(ProxyInvitation invitation, DateOnly? birthDate, string? codeWord) =>
        invitation.CodeWordHash is { } stored
            ? codeWord is not null && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(stored), Convert.FromHexString(HashCodeWord(codeWord, invitation.InvitationId)))
            : birthDate == invitation.PatientBirthDate;
}
