namespace Portal.Core.SelfCheck;

/// <summary>How one habit stands.</summary>
public enum SelfCheckStatus
{
    /// <summary>Keep it up.</summary>
    Good,

    /// <summary>Could be better: one next step.</summary>
    CouldBeBetter,

    /// <summary>Needs attention.</summary>
    NeedsAttention,
}

/// <summary>
/// The portal self-check: the guide's five questions (and its tip to explore every section) answered from the patient's
/// own use of the portal over the last six months, each with a status, the numbers behind it, and one next step.
/// </summary>
/// <param name="PatientId">Whose.</param>
/// <param name="ComputedAt">When.</param>
/// <param name="Since">Start of the six months looked at.</param>
/// <param name="Language"><c>en</c> or <c>es</c>.</param>
/// <param name="Viewer"><c>patient</c>, or <c>caregiver</c> (who sees the patient's habits and, apart, their own).</param>
/// <param name="Answers">reviewing, messaging, accuracy, loggingIn, security, exploring.</param>
/// <param name="YourHabits">For a caregiver: their own reviewing and logging in for this patient; null for the patient.</param>
public sealed record SelfCheckReport(
    string PatientId,
    DateTimeOffset ComputedAt,
    DateTimeOffset Since,
    string Language,
    string Viewer,
    IReadOnlyList<SelfCheckAnswer> Answers,
    IReadOnlyList<SelfCheckAnswer>? YourHabits);

/// <summary>One answer.</summary>
/// <param name="Id">Which question: reviewing, messaging, accuracy, loggingIn, security or exploring.</param>
/// <param name="Question">The guide's question, in the report's language.</param>
/// <param name="Status">good, couldBeBetter or needsAttention.</param>
/// <param name="Summary">What the numbers say, in words.</param>
/// <param name="NextStep">One thing to do next.</param>
/// <param name="Link">Where in the portal the next step is (a front-end path).</param>
/// <param name="Numbers">The numbers behind the status.</param>
/// <param name="Items">What is still open (unreviewed items, flagged results without a question, stale sections, unopened sections).</param>
public sealed record SelfCheckAnswer(
    string Id,
    string Question,
    SelfCheckStatus Status,
    string Summary,
    string NextStep,
    string Link,
    IReadOnlyList<SelfCheckNumber> Numbers,
    IReadOnlyList<SelfCheckItem> Items);

/// <summary>A number (or date) behind an answer.</summary>
/// <param name="Name">What it counts, e.g. <c>reviewedWithin7Days</c>.</param>
/// <param name="Value">The number, when it is one.</param>
/// <param name="At">The date, when it is one (null: never).</param>
public sealed record SelfCheckNumber(string Name, decimal? Value = null, DateTimeOffset? At = null);

/// <summary>Something still open.</summary>
/// <param name="Kind">visit, result, section …</param>
/// <param name="Id">Its id (an item id, a result id, a section name).</param>
/// <param name="Since">Since when (posted, released, last confirmed).</param>
/// <param name="Link">Where to open it.</param>
public sealed record SelfCheckItem(string Kind, string Id, DateTimeOffset? Since, string Link);
