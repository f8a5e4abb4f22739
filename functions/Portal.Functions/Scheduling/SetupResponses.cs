using Portal.Core.Common;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Setup;

namespace Portal.Functions.Scheduling;

/// <summary>The clinic's scheduling setup: every item with the ETag to send back in If-Match when changing it.</summary>
public sealed record ClinicSetupDocument(
    string TimeZone,
    IReadOnlyList<ProviderEntry> Providers,
    IReadOnlyList<LocationEntry> Locations,
    IReadOnlyList<VisitTypeEntry> VisitTypes,
    IReadOnlyList<TemplateEntry> Templates,
    IReadOnlyList<ExceptionEntry> Exceptions)
{
    internal static ClinicSetupDocument From(string timeZone, ClinicSetup setup) => new(
        timeZone,
        [.. setup.Providers.OrderBy(p => p.Value.Id, StringComparer.Ordinal).Select(p => new ProviderEntry(p.Value, p.ETag))],
        [.. setup.Locations.OrderBy(l => l.Value.Id, StringComparer.Ordinal).Select(l => new LocationEntry(l.Value, l.ETag))],
        [.. setup.VisitTypes.OrderBy(v => v.Value.Id, StringComparer.Ordinal).Select(v => new VisitTypeEntry(v.Value, v.ETag))],
        [.. setup.Templates.OrderBy(t => t.Value.Id, StringComparer.Ordinal).Select(t => new TemplateEntry(t.Value, t.ETag))],
        [.. setup.Exceptions.OrderBy(e => e.Value.FromDate).ThenBy(e => e.Value.Id, StringComparer.Ordinal).Select(e => new ExceptionEntry(e.Value, e.ETag))]);
}

/// <summary>A provider with its ETag.</summary>
public sealed record ProviderEntry(Provider Item, string ETag);

/// <summary>A location with its ETag.</summary>
public sealed record LocationEntry(Location Item, string ETag);

/// <summary>A visit type with its ETag.</summary>
public sealed record VisitTypeEntry(VisitType Item, string ETag);

/// <summary>A weekly availability template with its ETag.</summary>
public sealed record TemplateEntry(AvailabilityTemplate Item, string ETag);

/// <summary>Time off or an extra session with its ETag.</summary>
public sealed record ExceptionEntry(AvailabilityException Item, string ETag);

/// <summary>A saved or deleted setup item: its new version, and the booked appointments the change left outside availability (never removed: for staff to move or keep).</summary>
public sealed record SetupChange(SetupKind Kind, string Id, string ETag, bool Created, IReadOnlyList<ScheduleConflict> Conflicts)
{
    internal static SetupChange From(SetupSaved saved) =>
        new(ClinicSetup.KindOf(saved.Item.Value), saved.Item.Value.Id, saved.Item.ETag, saved.Created, saved.Conflicts);
}

/// <summary>A patient's appointments.</summary>
public sealed record AppointmentList(IReadOnlyList<AppointmentView> Items);

/// <summary>A request waiting for staff in the approval queue.</summary>
public sealed record HeldRequest(string PatientId, string AppointmentId, string ProviderId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? HoldUntil)
{
    internal static HeldRequest From(ClaimCheck check) =>
        new(check.Claim.PatientId, check.Claim.AppointmentId, check.Claim.ProviderId, check.Claim.Start, check.Claim.End, check.Claim.HoldUntil);
}

/// <summary>The approval queue: requests on hold, soonest hold end first.</summary>
public sealed record RequestQueue(IReadOnlyList<HeldRequest> Items);

/// <summary>Why staff decline a request (shown to the patient in the portal, never in a notice).</summary>
public sealed record RequestDecline(string Reason);

/// <summary>How a visit went, as staff record it.</summary>
public sealed record AttendanceMark(AppointmentStatus Status);
