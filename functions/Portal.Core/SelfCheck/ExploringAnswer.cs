using Portal.Core.Audit;

namespace Portal.Core.SelfCheck;

/// <summary>
/// The guide's tip 8, "explore every section at least once": the portal's sections not opened in the window (from the
/// own-access events; the record also counts as opened when its read marks show it was). Good: none left; could be
/// better: one or two; needs attention: three or more.
/// </summary>
public static class ExploringAnswer
{
    /// <summary>The sections, each with the front-end path it opens at.</summary>
    public static IReadOnlyList<(string Section, string Link)> Sections { get; } =
    [
        ("record", "/record"), ("results", "/results"), ("messages", "/messages"), ("appointments", "/appointments"),
        ("billing", "/billing"), ("journal", "/journal"), ("profile", "/profile"), ("accessLog", "/access-log"),
    ];

    /// <summary>The answer.</summary>
    public static SelfCheckAnswer Of(SelfCheckFacts facts, SelfCheckContext c)
    {
        var opened = facts.Accesses.Where(c.IsOwn).Select(SectionOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (c.Subjects.Any(facts.Marks.Seen.ContainsKey))
        {
            opened.Add("record");
        }

        var shown = Sections.Where(s => c.ActingAs == "self" || s.Section is not ("accessLog" or "billing")).ToList();
        var missing = shown.Where(s => !opened.Contains(s.Section)).ToList();
        var status = missing.Count == 0 ? SelfCheckStatus.Good : missing.Count <= 2 ? SelfCheckStatus.CouldBeBetter : SelfCheckStatus.NeedsAttention;
        return new SelfCheckAnswer(
            "exploring",
            c.T("Have you explored every section of the portal at least once?", "¿Ha explorado cada sección del portal al menos una vez?"),
            status,
            missing.Count == 0
                ? c.T($"You opened all {shown.Count} sections in the last six months.", $"Abrió las {shown.Count} secciones en los últimos seis meses.")
                : c.T($"{missing.Count} of {shown.Count} sections were not opened in the last six months.", $"{missing.Count} de {shown.Count} secciones no se abrieron en los últimos seis meses."),
            missing.Count == 0
                ? c.T("You know your way around.", "Ya conoce el portal.")
                : c.T("Take a look at the sections below.", "Eche un vistazo a las secciones de abajo."),
            missing.Count > 0 ? missing[0].Link : "/",
            [new("sections", shown.Count), new("notOpened", missing.Count)],
            [.. missing.Select(s => new SelfCheckItem("section", s.Section, null, s.Link))]);
    }

    /// <summary>The section an audit event opened, or null.</summary>
    public static string? SectionOf(AuditEvent e)
    {
        var category = e.Action.Split('.')[0];
        return category switch
        {
            "records" when e.Resource.Contains("/self-check", StringComparison.Ordinal) => null,
            "records" when e.Resource.Contains("/journal", StringComparison.Ordinal) => "journal",
            "records" or "amendments" => "record",
            "results" => "results",
            "messages" => "messages",
            "appointments" => "appointments",
            "billing" => "billing",
            "profile" => "profile",
            "accesslog" => "accessLog",
            _ => null,
        };
    }
}
