using Portal.Core.Record;

namespace Portal.Core.SelfCheck;

/// <summary>
/// 1. "Do you review visit notes, results and care plans soon after they are posted?" — the share of visits and results
/// posted in the window that were opened within 7 days; the ones still unopened; care plans and notes new since last
/// read. Good: 80 % or more and nothing left unopened past 7 days; could be better: 50 % or more.
/// </summary>
public static class ReviewingAnswer
{
    /// <summary>Days within which a review counts as soon.</summary>
    public const int SoonDays = 7;

    /// <summary>The answer.</summary>
    /// <param name="facts">What was read.</param>
    /// <param name="c">Whose habits.</param>
    /// <param name="withResults">False for a caregiver's own habits (a result's review mark is the patient's).</param>
    public static SelfCheckAnswer Of(SelfCheckFacts facts, SelfCheckContext c, bool withResults = true)
    {
        var soon = TimeSpan.FromDays(SoonDays);
        var reviews = facts.Marks.Reviewed.Where(r => c.Subjects.Contains(r.Subject)).GroupBy(r => r.VisitId).ToDictionary(g => g.Key, g => g.Min(r => r.At ?? DateTimeOffset.MinValue));
        var posted = new List<(string Kind, string Id, DateTimeOffset PostedAt, DateTimeOffset? ReviewedAt, string Link)>();
        posted.AddRange(facts.Visits
            .Where(v => v.PostedAt >= c.Since && v.PostedAt <= c.Now && !(c.CaregiverViewer && v.Confidential))
            .Select(v => ("visit", v.ItemId, v.PostedAt, reviews.TryGetValue(v.ItemId, out var at) ? at : (DateTimeOffset?)null, $"/record/visits/{v.ItemId}")));
        if (withResults)
        {
            posted.AddRange(facts.Results
                .Where(r => r.IsReleased && r.ReleasedAt is { } released && released >= c.Since && released <= c.Now)
                .Select(r => ("result", r.ResultId, r.ReleasedAt!.Value, r.ReviewedAt, $"/results/{r.ResultId}")));
        }

        var soonCount = posted.Count(p => p.ReviewedAt is { } at && at - p.PostedAt <= soon);
        var open = posted.Where(p => p.ReviewedAt is null).OrderBy(p => p.PostedAt).ToList();
        var overdue = open.Count(p => c.Now - p.PostedAt > soon);
        var seen = c.Subjects.Select(s => facts.Marks.Seen.GetValueOrDefault(s)).OfType<IReadOnlyDictionary<RecordSection, long>>().ToList();
        long Unseen(RecordSection section) =>
            Math.Max(0, facts.Marks.Tallies.For(!c.CaregiverViewer).GetValueOrDefault(section, SectionTally.None).Changes - seen.Select(s => s.GetValueOrDefault(section)).DefaultIfEmpty(0).Max());
        var (plans, notes) = (Unseen(RecordSection.CarePlans), Unseen(RecordSection.Notes));
        var share = SelfCheckContext.Percent(soonCount, posted.Count);
        var status = overdue > 0 ? SelfCheckContext.Grade(share, 101, 50) : SelfCheckContext.Grade(share, 80, 50);
        if (status == SelfCheckStatus.Good && plans + notes > 0)
        {
            status = SelfCheckStatus.CouldBeBetter;
        }

        var summary = posted.Count == 0
            ? c.T("Nothing new was posted in the last six months.", "No se publicó nada nuevo en los últimos seis meses.")
            : c.T($"You opened {soonCount} of {posted.Count} visit summaries and results within {SoonDays} days ({share} %); {open.Count} not opened yet.",
                $"Abrió {soonCount} de {posted.Count} resúmenes de visitas y resultados en {SoonDays} días ({share} %); {open.Count} sin abrir.");
        if (plans + notes > 0)
        {
            summary += c.T($" {plans} care-plan and {notes} note updates are new since you last looked.", $" Hay {plans} cambios en planes de cuidado y {notes} en notas desde la última vez.");
        }

        var next = status == SelfCheckStatus.Good
            ? c.T("Keep opening what the clinic posts within a week.", "Siga abriendo lo que publica la clínica antes de una semana.")
            : open.Count > 0
                ? c.T("Open the items below and read what changed.", "Abra los elementos de abajo y lea qué cambió.")
                : c.T("Read the new care plans and notes.", "Lea los planes de cuidado y las notas nuevas.");
        return new SelfCheckAnswer(
            "reviewing",
            c.T("Do you review visit notes, results and care plans soon after they are posted?", "¿Revisa las notas de visitas, resultados y planes de cuidado poco después de publicarse?"),
            status,
            summary,
            next,
            open.Count > 0 ? open[0].Link : plans > 0 ? "/record/care-plans" : notes > 0 ? "/record/notes" : "/record",
            [
                new("posted", posted.Count),
                new("reviewedWithin7Days", soonCount),
                new("percentWithin7Days", share),
                new("notReviewed", open.Count),
                new("newCarePlanChanges", plans),
                new("newNoteChanges", notes),
            ],
            [.. open.Select(p => new SelfCheckItem(p.Kind, p.Id, p.PostedAt, p.Link))]);
    }
}
