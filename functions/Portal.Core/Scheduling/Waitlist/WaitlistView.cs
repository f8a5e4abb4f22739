using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling.Waitlist;

/// <summary>A waitlist entry as the patient and staff see it.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="PatientId">Whose.</param>
/// <param name="VisitTypeId">The visit type's id.</param>
/// <param name="VisitType">Its name.</param>
/// <param name="ProviderId">The provider's id.</param>
/// <param name="Provider">The provider's name.</param>
/// <param name="From">The earliest start wanted, in the clinic's zone.</param>
/// <param name="Until">Starts before this are wanted (and before the patient's own visit of this type with this provider); the entry ends then.</param>
/// <param name="TimeZone">The clinic's IANA zone.</param>
/// <param name="Status">Waiting, left or expired.</param>
/// <param name="CreatedAt">When the patient joined.</param>
/// <param name="ETag">Its version for If-Match.</param>
public sealed record WaitlistEntryView(
    string EntryId,
    string PatientId,
    string VisitTypeId,
    string VisitType,
    string ProviderId,
    string Provider,
    DateTimeOffset From,
    DateTimeOffset Until,
    string TimeZone,
    WaitlistStatus Status,
    DateTimeOffset CreatedAt,
    string ETag)
{
    /// <summary>The view of an entry at <paramref name="now"/>.</summary>
    public static WaitlistEntryView Of(Versioned<WaitlistEntry> versioned, ClinicSetup setup, TimeZoneInfo zone, string zoneId, DateTimeOffset now)
    {
        var entry = versioned.Value;
        var status = entry.Status == WaitlistStatus.Waiting && !entry.IsWaiting(now) ? WaitlistStatus.Expired : entry.Status;
        return new WaitlistEntryView(
            entry.EntryId, entry.PatientId, entry.VisitTypeId, setup.VisitType(entry.VisitTypeId)?.Name ?? entry.VisitTypeId,
            entry.ProviderId, setup.Provider(entry.ProviderId)?.Name ?? entry.ProviderId,
            ClinicClock.Local(zone, entry.From), ClinicClock.Local(zone, entry.Until), zoneId, status, entry.CreatedAt, versioned.ETag);
    }
}

/// <summary>The patient's waitlist entries.</summary>
/// <param name="Items">Waiting first (oldest first), then those that ended (latest first).</param>
public sealed record WaitlistEntries(IReadOnlyList<WaitlistEntryView> Items);
