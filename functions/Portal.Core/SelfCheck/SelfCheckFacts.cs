using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Labs.Results;
using Portal.Core.Messaging;
using Portal.Core.Record;

namespace Portal.Core.SelfCheck;

/// <summary>Everything the self-check reads, each source in one bounded request, gathered before any rule runs.</summary>
/// <param name="Visits">Visits posted in the window.</param>
/// <param name="Marks">The record's tallies and every reader's marks.</param>
/// <param name="Results">Released lab results (headers).</param>
/// <param name="Threads">The patient's conversations.</param>
/// <param name="Confirmations">When each section was last confirmed.</param>
/// <param name="Accesses">The patient's side's own audit events in the window, newest first.</param>
/// <param name="Grants">Caregiver grants.</param>
/// <param name="CalendarFeed">True when a calendar-feed token is live.</param>
/// <param name="UnsharedSideEffects">Side effects noted in the journal in the window and not shared with the care team.</param>
public sealed record SelfCheckFacts(
    IReadOnlyList<PostedVisit> Visits,
    ReviewMarks Marks,
    IReadOnlyList<LabResult> Results,
    IReadOnlyList<MessageThread> Threads,
    SectionConfirmations Confirmations,
    IReadOnlyList<AuditEvent> Accesses,
    IReadOnlyList<PatientLink> Grants,
    bool CalendarFeed,
    int UnsharedSideEffects);

/// <summary>A visit as the self-check sees it.</summary>
/// <param name="ItemId">The visit's item id.</param>
/// <param name="PostedAt">When its first version reached the portal.</param>
/// <param name="Confidential">Never counted for a caregiver.</param>
public sealed record PostedVisit(string ItemId, DateTimeOffset PostedAt, bool Confidential);

/// <summary>The record's index rows for every reader.</summary>
/// <param name="Tallies">Section tallies.</param>
/// <param name="Seen">Per reader subject, per section, the change count they have seen.</param>
/// <param name="Reviewed">Every reviewed visit: who, which, when.</param>
public sealed record ReviewMarks(
    RecordTallies Tallies,
    IReadOnlyDictionary<string, IReadOnlyDictionary<RecordSection, long>> Seen,
    IReadOnlyList<VisitReview> Reviewed);

/// <summary>One reader's review of a visit.</summary>
/// <param name="Subject">Who.</param>
/// <param name="VisitId">Which.</param>
/// <param name="At">When first opened (null for marks written before the time was kept).</param>
public sealed record VisitReview(string Subject, string VisitId, DateTimeOffset? At);
