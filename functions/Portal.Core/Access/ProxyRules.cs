namespace Portal.Core.Access;

/// <summary>
/// The clinic's caregiver rules the policy applies (configured in <c>Caregivers</c>, see <c>CaregiverOptions</c>): the
/// clinic's zone (a birthday starts at midnight there), the age bands, and what guardians of adolescents may see.
/// </summary>
/// <param name="ClinicZone">The clinic's time zone: ages change at midnight on the clinic's clocks.</param>
/// <param name="AdolescentCategories">What a guardian of a 12–17-year-old may use within their grant (default: appointments, billing, messages they start themselves; records only through <paramref name="AdolescentRecordSections"/>).</param>
/// <param name="AdolescentRecordSections">The record sections (slugs) a guardian of an adolescent may read (default: immunizations, allergies).</param>
/// <param name="AdolescentFrom">The age at which the adolescent rules start (12).</param>
/// <param name="AdultAt">The age at which a guardian's grant ends (18).</param>
public sealed record ProxyRules(
    TimeZoneInfo ClinicZone,
    IReadOnlySet<DataCategory> AdolescentCategories,
    IReadOnlySet<string> AdolescentRecordSections,
    int AdolescentFrom = 12,
    int AdultAt = 18)
{
    /// <summary>The defaults, in the clinic options' default zone (America/Chicago).</summary>
    public static ProxyRules Default { get; } = new(
        TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"),
        new HashSet<DataCategory> { DataCategory.Appointments, DataCategory.Billing, DataCategory.Messages },
        new HashSet<string>(StringComparer.Ordinal) { "immunizations", "allergies" });
}

/// <summary>Where a patient is in the age bands on a given day.</summary>
public enum AgeBand
{
    /// <summary>Under 12: a guardian has the scopes granted.</summary>
    Child,

    /// <summary>12 to 17: guardians see only what the clinic allows; confidential items never.</summary>
    Adolescent,

    /// <summary>18 or older: a guardian's grant has ended.</summary>
    Adult,
}

/// <summary>What a caregiver may not see even within their grant: every list and detail applies these.</summary>
/// <param name="RecordSections">The record sections (slugs) they may read; null: every section their scopes cover.</param>
/// <param name="OwnThreadsOnly">True for a guardian of an adolescent: only the conversations they started themselves.</param>
public sealed record ProxyLimits(IReadOnlySet<string>? RecordSections, bool OwnThreadsOnly)
{
    /// <summary>Confidential items are hidden from every caregiver: always true (kept as a property so the rule is read in one place).</summary>
    public bool HidesConfidential => true;

    /// <summary>True when the record section (slug) may be shown.</summary>
    public bool ShowsSection(string slug) => RecordSections is null || RecordSections.Contains(slug);
}
