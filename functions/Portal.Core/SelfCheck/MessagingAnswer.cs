using Portal.Core.Labs.Results;

namespace Portal.Core.SelfCheck;

/// <summary>
/// 2. "Do you use secure messaging with questions?" — conversations started in the window, and results flagged high,
/// low or abnormal with no conversation started within 14 days of their release (the nudge). Good: no flagged result
/// left without a question; could be better: some, but messaging is in use; needs attention: some, and no conversation.
/// </summary>
public static class MessagingAnswer
{
    /// <summary>Days after a flagged result's release in which a conversation counts as its question.</summary>
    public const int QuestionDays = 14;

    /// <summary>The answer.</summary>
    public static SelfCheckAnswer Of(SelfCheckFacts facts, SelfCheckContext c)
    {
        var started = facts.Threads.Where(t => t.CreatedAt >= c.Since && t.CreatedAt <= c.Now).ToList();
        var flagged = facts.Results
            .Where(r => r.IsReleased && r.Flags.Count > 0 && r.ReleasedAt is { } at && at >= c.Since && at <= c.Now)
            .ToList();
        bool Asked(LabResult r) => facts.Threads.Any(t => t.CreatedAt >= r.ReleasedAt && t.CreatedAt <= r.ReleasedAt!.Value.AddDays(QuestionDays));
        var unasked = flagged.Where(r => !Asked(r)).OrderBy(r => r.ReleasedAt).ToList();
        var status = unasked.Count == 0 ? SelfCheckStatus.Good : started.Count > 0 ? SelfCheckStatus.CouldBeBetter : SelfCheckStatus.NeedsAttention;
        var summary = c.T($"You started {started.Count} conversations in the last six months.", $"Inició {started.Count} conversaciones en los últimos seis meses.")
            + (unasked.Count > 0
                ? c.T($" {unasked.Count} results outside the usual range had no question from you.", $" {unasked.Count} resultados fuera del rango habitual no tuvieron una pregunta suya.")
                : "");
        var next = unasked.Count > 0
            ? c.T("If a result worries you, ask your care team about it in a message.", "Si un resultado le preocupa, pregunte a su equipo de atención en un mensaje.")
            : c.T("Write to your care team whenever a question comes up between visits.", "Escriba a su equipo de atención cuando tenga una pregunta entre visitas.");
        return new SelfCheckAnswer(
            "messaging",
            c.T("Do you use secure messaging with questions?", "¿Usa los mensajes seguros para hacer preguntas?"),
            status,
            summary,
            next,
            "/messages/new",
            [new("conversationsStarted", started.Count), new("flaggedResults", flagged.Count), new("flaggedWithoutQuestion", unasked.Count)],
            [.. unasked.Select(r => new SelfCheckItem("result", r.ResultId, r.ReleasedAt, $"/results/{r.ResultId}"))]);
    }
}
