namespace Portal.Core.Scheduling.Waitlist;

/// <summary>
/// "Tell me if an earlier slot opens": a patient waiting for a visit type with a provider (chart row
/// <c>wait|{entryId}</c>, with an index row in the provider and visit type's waitlist partition, oldest first). A slot
/// satisfies the wish when it starts inside [<see cref="From"/>, <see cref="Until"/>) and before the earliest visit of
/// this type with this provider the patient already holds.
/// </summary>
/// <param name="PatientId">Whose chart.</param>
/// <param name="EntryId">Unique in the chart.</param>
/// <param name="VisitTypeId">The visit type wanted.</param>
/// <param name="ProviderId">With whom.</param>
/// <param name="From">The earliest start wanted.</param>
/// <param name="Until">Starts before this are wanted; the entry expires then.</param>
/// <param name="Status">Waiting or left (expiry follows from <see cref="Until"/>).</param>
/// <param name="CreatedBy">The sign-in subject who put the patient on the list.</param>
/// <param name="CreatedAt">When: the list is served oldest first.</param>
/// <param name="UpdatedAt">The last change.</param>
public sealed record WaitlistEntry(
    string PatientId,
    string EntryId,
    string VisitTypeId,
    string ProviderId,
    DateTimeOffset From,
    DateTimeOffset Until,
    WaitlistStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True while a released slot may be offered to it.</summary>
    public bool IsWaiting(DateTimeOffset now) => Status == WaitlistStatus.Waiting && Until > now;

    /// <summary>Its row in the waitlist index.</summary>
    public WaitlistSpot Spot => new(ProviderId, VisitTypeId, PatientId, EntryId, CreatedAt, From, Until);

    /// <summary>The portal path of the entry (offers link to it).</summary>
    public string Link => $"/waitlist/{EntryId}";
}

/// <summary>Where a waitlist entry stands (an entry whose <c>Until</c> passed is shown as expired).</summary>
public enum WaitlistStatus
{
    /// <summary>On the list.</summary>
    Waiting,

    /// <summary>The patient (or staff for them) took it off the list.</summary>
    Left,

    /// <summary>Its window passed (shown, never stored).</summary>
    Expired,
}

/// <summary>A waitlist entry's index row: enough to choose whom to offer a released slot, oldest first, without reading charts.</summary>
/// <param name="ProviderId">The provider.</param>
/// <param name="VisitTypeId">The visit type.</param>
/// <param name="PatientId">Whose entry.</param>
/// <param name="EntryId">Which.</param>
/// <param name="CreatedAt">Its place in the line.</param>
/// <param name="From">The earliest start wanted.</param>
/// <param name="Until">The entry's end.</param>
public sealed record WaitlistSpot(string ProviderId, string VisitTypeId, string PatientId, string EntryId, DateTimeOffset CreatedAt, DateTimeOffset From, DateTimeOffset Until)
{
    /// <summary>True when a slot starting at <paramref name="start"/> falls in the entry's window.</summary>
    public bool Wants(DateTimeOffset start) => start >= From && start < Until;
}
