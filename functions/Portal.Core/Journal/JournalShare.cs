namespace Portal.Core.Journal;

/// <summary>How a date range of the journal reaches the care team.</summary>
public enum ShareFormat
{
    /// <summary>A PDF sent as an attachment in a new conversation with the care team.</summary>
    Message,

    /// <summary>FHIR resources (Observation, QuestionnaireResponse) with a Provenance naming the patient as author.</summary>
    Fhir,
}

/// <summary>
/// The patient's side shared a date range of the journal with the care team (chart row <c>jshare|{shareId}</c>, written
/// after the entries it marks: its presence means the share is complete).
/// </summary>
/// <param name="PatientId">Whose journal.</param>
/// <param name="ShareId">Stable id (also the Provenance id).</param>
/// <param name="From">First day shared (clinic's calendar).</param>
/// <param name="Until">Last day shared.</param>
/// <param name="As">How.</param>
/// <param name="Kinds">The kinds shared (empty: all).</param>
/// <param name="Entries">The entries shared.</param>
/// <param name="SharedAt">When.</param>
/// <param name="SharedBy">Who (subject).</param>
/// <param name="SharedByName">Their name.</param>
/// <param name="ByCaregiver">True when a caregiver shared for the patient.</param>
/// <param name="ThreadId">The conversation carrying the PDF, for <see cref="ShareFormat.Message"/>.</param>
public sealed record JournalShare(
    string PatientId,
    string ShareId,
    DateOnly From,
    DateOnly Until,
    ShareFormat As,
    IReadOnlyList<JournalKind> Kinds,
    IReadOnlyList<SharedEntry> Entries,
    DateTimeOffset SharedAt,
    string SharedBy,
    string? SharedByName,
    bool ByCaregiver,
    string? ThreadId);

/// <summary>A request to share a date range with the care team.</summary>
/// <param name="From">First day (the clinic's calendar).</param>
/// <param name="Until">Last day (today at the latest; at most 366 days after <paramref name="From"/>).</param>
/// <param name="As"><c>message</c> (a PDF in a conversation with the care team) or <c>fhir</c> (resources in the FHIR API).</param>
/// <param name="Kinds">Only these kinds (default: every kind).</param>
/// <param name="Note">A line for the care team, sent with the PDF (at most 1,000 characters).</param>
public sealed record ShareRequest(DateOnly From, DateOnly Until, ShareFormat As, IReadOnlyList<JournalKind>? Kinds = null, string? Note = null);

/// <summary>One entry a share named.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Kind">Its kind (which FHIR type it is served as).</param>
public sealed record SharedEntry(string EntryId, JournalKind Kind);
