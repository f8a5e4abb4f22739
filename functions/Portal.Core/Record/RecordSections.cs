namespace Portal.Core.Record;

/// <summary>The URL slug of each section (<c>/record/{section}</c>) and back.</summary>
public static class RecordSections
{
    private static readonly IReadOnlyDictionary<RecordSection, string> Slugs = new Dictionary<RecordSection, string>
    {
        [RecordSection.Allergies] = "allergies",
        [RecordSection.Medications] = "medications",
        [RecordSection.Immunizations] = "immunizations",
        [RecordSection.Problems] = "problems",
        [RecordSection.Vitals] = "vitals",
        [RecordSection.Visits] = "visits",
        [RecordSection.CarePlans] = "care-plans",
        [RecordSection.Notes] = "notes",
        [RecordSection.Documents] = "documents",
    };

    /// <summary>Every section, in the order the portal shows them.</summary>
    public static IReadOnlyList<RecordSection> All { get; } = Enum.GetValues<RecordSection>();

    /// <summary>The section's slug, e.g. <c>care-plans</c>; also its key in storage.</summary>
    public static string Slug(this RecordSection section) => Slugs[section];

    /// <summary>The section named by a slug (exact, lower case), or false.</summary>
    public static bool TryParse(string? slug, out RecordSection section)
    {
        foreach (var (candidate, text) in Slugs)
        {
            if (string.Equals(text, slug, StringComparison.Ordinal))
            {
                section = candidate;
                return true;
            }
        }

        section = default;
        return false;
    }

    /// <summary>The slugs, for error messages and documentation.</summary>
    public static string Listed => string.Join(", ", Slugs.Values);
}
