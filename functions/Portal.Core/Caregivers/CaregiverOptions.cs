using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Record;

namespace Portal.Core.Caregivers;

/// <summary>The clinic's caregiver rules (section <c>Caregivers</c>): the age bands and what guardians of adolescents see.</summary>
public sealed class CaregiverOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Caregivers";

    /// <summary>
    /// What a parent or guardian of a 12–17-year-old may use within their grant: data categories (<c>appointments</c>,
    /// <c>billing</c>, <c>messages</c> — only the conversations they start — <c>prescriptions</c>, <c>results</c>,
    /// <c>profile</c>) and record sections (<c>immunizations</c>, <c>allergies</c>, <c>medications</c> …, read-only).
    /// </summary>
    public List<string> AdolescentGuardianSees { get; set; } = ["appointments", "billing", "messages", "immunizations", "allergies"];

    /// <summary>The age at which the adolescent rules start.</summary>
    public int AdolescentFromAge { get; set; } = 12;

    /// <summary>The age at which parents' and guardians' grants end.</summary>
    public int AdultAge { get; set; } = 18;

    /// <summary>The entries of <see cref="AdolescentGuardianSees"/> that are neither a category a guardian may hold nor a record section.</summary>
    public IReadOnlyList<string> Unknown() =>
        [.. AdolescentGuardianSees.Where(entry => !GrantScopes.Categories.Any(c => Matches(c, entry)) && !RecordSections.TryParse(entry, out _))];

    /// <summary>The policy's rules from these options and the clinic's zone.</summary>
    public ProxyRules ToRules(ClinicOptions clinic) => new(
        TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZone),
        GrantScopes.Categories.Where(c => AdolescentGuardianSees.Any(entry => Matches(c, entry))).ToHashSet(),
        AdolescentGuardianSees.Where(entry => RecordSections.TryParse(entry, out _)).ToHashSet(StringComparer.Ordinal),
        AdolescentFromAge,
        AdultAge);

    private static bool Matches(DataCategory category, string entry) => string.Equals(category.ToString(), entry, StringComparison.OrdinalIgnoreCase);
}
