namespace Portal.Core.SelfCheck;

/// <summary>
/// 4. "Do you log in regularly, also when you are well?" — days with activity in each of the six 30-day periods of the
/// window (from the audit log's own-access events, clinic days), and the longest gap between active days (the window's
/// start and today count as ends). Good: active in every period and no gap over 31 days; could be better: active in at
/// least three periods and no gap over 90 days.
/// </summary>
public static class LoggingInAnswer
{
    /// <summary>Days of one period.</summary>
    public const int PeriodDays = 30;

    /// <summary>The longest gap still good.</summary>
    public const int GoodGapDays = 31;

    /// <summary>The longest gap that could be better.</summary>
    public const int FairGapDays = 90;

    /// <summary>The answer.</summary>
    public static SelfCheckAnswer Of(SelfCheckFacts facts, SelfCheckContext c)
    {
        var today = c.Day(c.Now);
        var first = today.AddDays(-(PeriodDays * SelfCheckContext.WindowMonths) + 1);
        var days = facts.Accesses.Where(c.IsOwn).Select(e => c.Day(e.At)).Where(d => d >= first && d <= today).Distinct().Order().ToList();
        var periods = Enumerable.Range(0, SelfCheckContext.WindowMonths)
            .Select(i => (Start: today.AddDays(-(PeriodDays * (i + 1)) + 1), End: today.AddDays(-(PeriodDays * i))))
            .Reverse()
            .Select(p => (p.Start, Days: days.Count(d => d >= p.Start && d <= p.End)))
            .ToList();
        var ends = new List<DateOnly> { first.AddDays(-1) };
        ends.AddRange(days);
        ends.Add(today.AddDays(days.Count > 0 && days[^1] == today ? 0 : 1));
        var gap = ends.Zip(ends.Skip(1)).Select(p => p.Second.DayNumber - p.First.DayNumber - 1).Max();
        var activePeriods = periods.Count(p => p.Days > 0);
        var status = activePeriods == periods.Count && gap <= GoodGapDays ? SelfCheckStatus.Good
            : activePeriods >= 3 && gap <= FairGapDays ? SelfCheckStatus.CouldBeBetter
            : SelfCheckStatus.NeedsAttention;
        return new SelfCheckAnswer(
            "loggingIn",
            c.T("Do you log in regularly, also when you are well?", "¿Entra al portal con regularidad, también cuando está bien?"),
            status,
            c.T($"You used the portal on {days.Count} days in the last six months, in {activePeriods} of {periods.Count} months; the longest gap was {gap} days.",
                $"Usó el portal {days.Count} días en los últimos seis meses, en {activePeriods} de {periods.Count} meses; el mayor intervalo fue de {gap} días."),
            status == SelfCheckStatus.Good
                ? c.T("Keep checking in at least once a month.", "Siga entrando al menos una vez al mes.")
                : c.T("Set a monthly reminder to look at your messages, results and appointments.", "Ponga un recordatorio mensual para revisar mensajes, resultados y citas."),
            "/",
            [
                new("activeDays", days.Count),
                new("activeMonths", activePeriods),
                new("longestGapDays", gap),
                .. periods.Select((p, i) => new SelfCheckNumber($"activeDaysMonth{i + 1}", p.Days, c.DayStart(p.Start))),
            ],
            []);
    }
}
