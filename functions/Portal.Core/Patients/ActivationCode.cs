using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Patients;

/// <summary>
/// One-time activation codes: 12 characters from an alphabet without look-alikes (60 bits),
/// shown as <c>XXXX-XXXX-XXXX</c>, stored only as a SHA-256 hash.
/// </summary>
public static class ActivationCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Length = 12;

    /// <summary>A new random code, formatted for reading aloud or printing.</summary>
    public static string Generate()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    /// <summary>Upper-cases and strips separators; null when the input cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 40)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in input)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper))
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>
    /// A fresh code for the patient and the activation to store for it. The code in clear is handed over once
    /// and never stored; the activation carries only its hash.
    /// </summary>
    public static (string Code, PendingActivation Activation) Issue(string patientId, string patientName, DateOnly birthDate, DateTimeOffset now)
    {
        var code = Generate();
        return (code, new PendingActivation(Hash(Normalize(code)!), patientId, patientName, birthDate, now + PendingActivation.Lifetime));
    }

    /// <summary>The stored form of a normalized code.</summary>
    public static string Hash(string normalizedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalizedCode)));
}
