using System.Text.RegularExpressions;

namespace Portal.Core.Patients;

/// <summary>The clinic's medical record number (MRN): the rule registration and search share.</summary>
public static partial class MedicalRecordNumber
{
    /// <summary>The rule, as told to the caller when an MRN breaks it.</summary>
    public const string Rule = "1 to 32 letters, digits or dashes.";

    /// <summary>True when <paramref name="mrn"/> can be an MRN. MRNs are unique regardless of case.</summary>
    public static bool IsValid(string? mrn) => mrn is not null && Pattern().IsMatch(mrn);

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex Pattern();
}
