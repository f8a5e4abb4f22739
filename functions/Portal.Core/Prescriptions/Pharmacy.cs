using System.Security.Cryptography;
using System.Text;
using Portal.Core.Common;

namespace Portal.Core.Prescriptions;

/// <summary>A pharmacy the patient fills prescriptions at.</summary>
/// <param name="PharmacyId">Stable id in the patient's list (follows from the details, so the same pharmacy is listed once).</param>
/// <param name="Name">As people know it (<c>Walgreens #4512</c>).</param>
/// <param name="Address">Street, city, state and ZIP in one line.</param>
/// <param name="Phone">The pharmacy's phone number.</param>
/// <param name="NcpdpId">The 7-digit NCPDP provider id, if known (e-prescribing names pharmacies by it).</param>
public sealed record Pharmacy(string PharmacyId, string Name, string Address, string Phone, string? NcpdpId = null);

/// <summary>A pharmacy as the patient types it in.</summary>
/// <param name="Name">Its name (at most 200 characters).</param>
/// <param name="Address">Its address in one line (at most 300 characters).</param>
/// <param name="Phone">Its phone number (at most 30 characters: digits, spaces, +, -, parentheses).</param>
/// <param name="NcpdpId">Its 7-digit NCPDP id, if known.</param>
public sealed record PharmacyDetails(string Name, string Address, string Phone, string? NcpdpId = null)
{
    /// <summary>Checks the details under <paramref name="field"/>.</summary>
    public void Validate(FieldErrors errors, string field)
    {
        errors.RequireText(Name, $"{field}.name", 200);
        errors.RequireText(Address, $"{field}.address", 300);
        errors.RequireText(Phone, $"{field}.phone", 30);
        errors.Require(Phone is null || Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.'), $"{field}.phone", "Digits, spaces, +, -, ( and ) only.");
        errors.Require(NcpdpId is null || NcpdpId is { Length: 7 } && NcpdpId.All(char.IsAsciiDigit), $"{field}.ncpdpId", "Seven digits.");
    }

    /// <summary>The pharmacy, with an id that follows from what identifies it (NCPDP id, else name, address and phone).</summary>
    public Pharmacy ToPharmacy()
    {
        var (name, address, phone) = (Name.Trim(), Address.Trim(), Phone.Trim());
        var identity = NcpdpId ?? $"{name.ToUpperInvariant()}|{address.ToUpperInvariant()}|{new string([.. phone.Where(char.IsAsciiDigit)])}";
        var id = "ph-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return new Pharmacy(id, name, address, phone, NcpdpId);
    }

    /// <summary>True for text shaped like a pharmacy id.</summary>
    public static bool IsPharmacyId(string? id) => id is { Length: 19 } && id.StartsWith("ph-", StringComparison.Ordinal) && id[3..].All(char.IsAsciiHexDigitLower);
}
