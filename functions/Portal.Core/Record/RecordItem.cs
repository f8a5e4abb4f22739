namespace Portal.Core.Record;

/// <summary>
/// One item of a patient's health record, whatever its section: the envelope every section shares (identity,
/// status, where it came from, who may see it, its versions) around its <see cref="Content"/>.
/// </summary>
/// <param name="PatientId">Whose record (the chart partition).</param>
/// <param name="ItemId">Unique in the patient's record; sorts newest first by clinical date (see <see cref="RecordItemIds"/>). Also the FHIR resource id.</param>
/// <param name="ClinicalDate">The content's clinical time as an instant, for ordering and the summary (the content keeps the time with the precision sent).</param>
/// <param name="Status">Active, inactive or entered in error; section pages filter on it.</param>
/// <param name="Identifiers">The sending system's identifiers (<c>system|value</c>): a resend with any of them updates this item.</param>
/// <param name="Confidential">Adolescent-confidential: never shown to caregivers (proxies); see <see cref="RecordVisibility"/>.</param>
/// <param name="VisitId">The visit (item id in <see cref="RecordSection.Visits"/>) this item was recorded at, if any.</param>
/// <param name="Version">1 when created, one more with every change.</param>
/// <param name="RecordedAt">When this version was written.</param>
/// <param name="RecordedBy">Who wrote this version: the sign-in subject of the clinician or the pushing system.</param>
/// <param name="RecordedByName">Their name as shown (<c>Dr. Maya Patel</c>, <c>Clinic EHR</c>).</param>
/// <param name="Content">What the item says.</param>
/// <param name="History">Earlier versions, newest first: a change (an EHR update, an accepted amendment) keeps the old value here.</param>
public sealed record RecordItem(
    string PatientId,
    string ItemId,
    DateTimeOffset ClinicalDate,
    RecordStatus Status,
    IReadOnlyList<SourceIdentifier> Identifiers,
    bool Confidential,
    string? VisitId,
    int Version,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? RecordedByName,
    RecordContent Content,
    IReadOnlyList<RecordRevision> History)
{
    /// <summary>The section, from the content.</summary>
    public RecordSection Section => Content.Section;

    /// <summary>The version as an HTTP (and FHIR) weak ETag, <c>W/"{version}"</c>: what a change sends back in If-Match.</summary>
    public string ETag => $"W/\"{Version}\"";

    /// <summary>
    /// This item changed: the current value goes to the front of <see cref="History"/> and the version goes up.
    /// Identity (id, identifiers, clinical date order) stays; <paramref name="status"/> null takes the content's own.
    /// </summary>
    /// <param name="content">The new content (same section).</param>
    /// <param name="status">The new status, or null for <see cref="RecordContent.CurrentStatus"/>.</param>
    /// <param name="confidential">The new confidentiality flag.</param>
    /// <param name="visitId">The new visit link.</param>
    /// <param name="at">When.</param>
    /// <param name="by">Who (subject).</param>
    /// <param name="byName">Who, as shown.</param>
    /// <param name="reason">Why, kept with the old value (<c>Amendment 123 accepted</c>, <c>Updated by the EHR</c>).</param>
    public RecordItem Revise(
        RecordContent content, RecordStatus? status, bool confidential, string? visitId, DateTimeOffset at, string by, string? byName, string? reason)
    {
        if (content.Section != Section)
        {
            throw new ArgumentException($"An item in {Section} cannot become {content.Section}.", nameof(content));
        }

        var earlier = new RecordRevision(Version, Status, Confidential, VisitId, Content, RecordedAt, RecordedBy, RecordedByName, reason);
        return this with
        {
            Content = content,
            Status = status ?? content.CurrentStatus,
            Confidential = confidential,
            VisitId = visitId,
            Version = Version + 1,
            RecordedAt = at,
            RecordedBy = by,
            RecordedByName = byName,
            History = [earlier, .. History],
        };
    }

    /// <summary>True when the item says the same as <paramref name="other"/> (content, status, flag, visit): a resend that changes nothing.</summary>
    public bool SaysTheSameAs(RecordItem other) =>
        Status == other.Status && Confidential == other.Confidential && VisitId == other.VisitId
        && RecordJson.Same(Content, other.Content);
}

/// <summary>An earlier version of an item, kept when it changed.</summary>
/// <param name="Version">The version it was.</param>
/// <param name="Status">Its status then.</param>
/// <param name="Confidential">Its flag then.</param>
/// <param name="VisitId">Its visit link then.</param>
/// <param name="Content">What it said then.</param>
/// <param name="RecordedAt">When that version had been written.</param>
/// <param name="RecordedBy">Who had written it.</param>
/// <param name="RecordedByName">Their name as shown.</param>
/// <param name="ChangeReason">Why it was replaced.</param>
public sealed record RecordRevision(
    int Version,
    RecordStatus Status,
    bool Confidential,
    string? VisitId,
    RecordContent Content,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? RecordedByName,
    string? ChangeReason);
