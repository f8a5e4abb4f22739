namespace Portal.Core.SelfCheck;

/// <summary>
/// 5. "Do you understand how your data is protected, and keep your login secure?" — the share of active days on which
/// the sign-in used multi-factor authentication (the token's <c>amr</c>, kept with each audit event), active caregiver
/// grants and when they end, a live calendar-feed link, and the last time the access log was read. Needs attention: MFA
/// on fewer than half of the days; good: MFA every day, the access log read in the window and no grant without an end;
/// could be better otherwise. A caregiver reading sees the MFA and log figures only (grants are the patient's business).
/// </summary>
public static class SecurityAnswer
{
    /// <summary>The answer.</summary>
    public static SelfCheckAnswer Of(SelfCheckFacts facts, SelfCheckContext c)
    {
        var own = facts.Accesses.Where(c.IsOwn).ToList();
        var known = own.Where(e => e.Mfa is not null).GroupBy(e => c.Day(e.At)).ToList();
        var mfaDays = known.Count(day => day.Any(e => e.Mfa == true));
        var mfaShare = SelfCheckContext.Percent(mfaDays, known.Count);
        var lastReview = facts.Accesses.Where(e => e.ActingAs == "self" && e.Action == "accesslog.read").Select(e => (DateTimeOffset?)e.At).Max();
        var active = facts.Grants.Where(g => g.IsActive(c.Now)).ToList();
        var openEnded = active.Count(g => g.ExpiresAt is null);
        var soonestEnd = active.Select(g => g.ExpiresAt).Where(e => e is not null).Min();
        var status = known.Count > 0 && mfaShare < 50 ? SelfCheckStatus.NeedsAttention
            : mfaShare == 100 && lastReview is not null && (c.CaregiverViewer || openEnded == 0) ? SelfCheckStatus.Good
            : SelfCheckStatus.CouldBeBetter;
        var summary = (known.Count == 0
                ? c.T("No recent sign-ins to look at.", "No hay inicios de sesión recientes para revisar.")
                : c.T($"Multi-factor sign-in on {mfaDays} of {known.Count} days ({mfaShare} %).", $"Inicio de sesión con varios factores en {mfaDays} de {known.Count} días ({mfaShare} %)."))
            + (lastReview is null
                ? c.T(" The access log was not read in the last six months.", " No se leyó el registro de accesos en los últimos seis meses.")
                : c.T($" Access log last read on {c.Day(lastReview.Value):yyyy-MM-dd}.", $" Registro de accesos leído por última vez el {c.Day(lastReview.Value):yyyy-MM-dd}."));
        if (!c.CaregiverViewer)
        {
            summary += c.T($" {active.Count} caregivers have access{(openEnded > 0 ? $", {openEnded} without an end date" : "")}.", $" {active.Count} cuidadores tienen acceso{(openEnded > 0 ? $", {openEnded} sin fecha de fin" : "")}.")
                + (facts.CalendarFeed ? c.T(" A calendar subscription link is live.", " Hay un enlace de calendario activo.") : "");
        }

        var next = status == SelfCheckStatus.NeedsAttention || mfaShare < 100
            ? c.T("Turn on multi-factor sign-in for your account.", "Active el inicio de sesión con varios factores en su cuenta.")
            : lastReview is null
                ? c.T("Read your access log to see who opened your chart.", "Lea su registro de accesos para ver quién abrió su expediente.")
                : openEnded > 0 && !c.CaregiverViewer
                    ? c.T("Give caregiver access an end date.", "Ponga una fecha de fin al acceso de sus cuidadores.")
                    : c.T("Keep your sign-in to yourself and read your access log now and then.", "No comparta su acceso y lea su registro de accesos de vez en cuando.");
        List<SelfCheckNumber> numbers = [new("mfaDays", mfaDays), new("signInDays", known.Count), new("percentMfa", mfaShare), new("accessLogReadAt", At: lastReview)];
        if (!c.CaregiverViewer)
        {
            numbers.AddRange([new("activeCaregivers", active.Count), new("caregiversWithoutEnd", openEnded), new("nextCaregiverAccessEnds", At: soonestEnd), new("calendarFeedLinks", facts.CalendarFeed ? 1 : 0)]);
        }

        return new SelfCheckAnswer(
            "security",
            c.T("Do you understand how your data is protected, and keep your login secure?", "¿Sabe cómo se protegen sus datos y mantiene seguro su acceso?"),
            status,
            summary,
            next,
            lastReview is null ? "/access-log" : "/security",
            numbers,
            []);
    }
}
