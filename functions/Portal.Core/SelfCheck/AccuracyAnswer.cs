namespace Portal.Core.SelfCheck;

/// <summary>
/// 3. "Is your information accurate and current?" — when the profile, medications, allergies and emergency contacts were
/// last confirmed (the "still correct" action), stale after 12 months or never; side effects noted in the journal and not
/// yet shared with the care team (patient-reported, not reconciled). Good: nothing stale or unshared; could be better:
/// at most two stale sections; needs attention: three or more.
/// </summary>
public static class AccuracyAnswer
{
    /// <summary>Months after which a confirmation is stale.</summary>
    public const int StaleMonths = 12;

    /// <summary>The answer.</summary>
    public static SelfCheckAnswer Of(SelfCheckFacts facts, SelfCheckContext c)
    {
        var staleBefore = c.Now.AddMonths(-StaleMonths);
        var sections = Enum.GetValues<ConfirmedSection>().Select(s => (Section: s, At: facts.Confirmations.Of(s))).ToList();
        var stale = sections.Where(s => s.At is null || s.At < staleBefore).ToList();
        var status = stale.Count switch
        {
            0 when facts.UnsharedSideEffects == 0 => SelfCheckStatus.Good,
            <= 2 => SelfCheckStatus.CouldBeBetter,
            _ => SelfCheckStatus.NeedsAttention,
        };
        var summary = stale.Count == 0
            ? c.T("Every section was confirmed in the last 12 months.", "Todas las secciones se confirmaron en los últimos 12 meses.")
            : c.T($"{stale.Count} of 4 sections were not confirmed in the last 12 months.", $"{stale.Count} de 4 secciones no se confirmaron en los últimos 12 meses.");
        if (facts.UnsharedSideEffects > 0)
        {
            summary += c.T($" {facts.UnsharedSideEffects} side effects in your journal are not shared with your care team.",
                $" {facts.UnsharedSideEffects} efectos secundarios de su diario no se han compartido con su equipo de atención.");
        }

        var next = stale.Count > 0
            ? c.T($"Check your {Name(stale[0].Section, c)} and confirm it is still correct.", $"Revise {Name(stale[0].Section, c)} y confirme que sigue siendo correcto.")
            : facts.UnsharedSideEffects > 0
                ? c.T("Share your journal's side effects with your care team.", "Comparta con su equipo de atención los efectos secundarios de su diario.")
                : c.T("Confirm each section again when something changes, or within a year.", "Vuelva a confirmar cada sección cuando algo cambie, o antes de un año.");
        return new SelfCheckAnswer(
            "accuracy",
            c.T("Is your information accurate and current?", "¿Su información es correcta y está al día?"),
            status,
            summary,
            next,
            stale.Count > 0 ? Link(stale[0].Section) : facts.UnsharedSideEffects > 0 ? "/journal?kind=sideEffect" : "/profile",
            [
                .. sections.Select(s => new SelfCheckNumber($"{Camel(s.Section)}ConfirmedAt", At: s.At)),
                new("staleSections", stale.Count),
                new("unsharedSideEffects", facts.UnsharedSideEffects),
            ],
            [.. stale.Select(s => new SelfCheckItem("section", Camel(s.Section), s.At, Link(s.Section)))]);
    }

    private static string Link(ConfirmedSection section) => section switch
    {
        ConfirmedSection.Profile => "/profile",
        ConfirmedSection.EmergencyContacts => "/profile#emergency-contacts",
        ConfirmedSection.Medications => "/record/medications",
        _ => "/record/allergies",
    };

    private static string Name(ConfirmedSection section, SelfCheckContext c) => section switch
    {
        ConfirmedSection.Profile => c.T("profile", "su perfil"),
        ConfirmedSection.Medications => c.T("medication list", "su lista de medicamentos"),
        ConfirmedSection.Allergies => c.T("allergy list", "su lista de alergias"),
        _ => c.T("emergency contacts", "sus contactos de emergencia"),
    };

    private static string Camel(ConfirmedSection section) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(section.ToString());
}
