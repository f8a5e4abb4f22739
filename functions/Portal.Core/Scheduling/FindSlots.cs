using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: open slots of a visit type, computed from the templates and exceptions minus the claimed units, in the
/// clinic's zone. For one provider and up to 14 days: one setup query and one claim-index query. Reads no chart.
/// </summary>
public sealed class FindSlots(IClinicSetup setupStore, ISlotClaims claims, IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    /// <summary>The open slots; 400 for an unknown visit type or provider, bad dates, or a visit type the caller may not book.</summary>
    public async Task<Result<SlotSearch>> ExecuteAsync(
        Caller caller, string? visitTypeId, string? providerId, string? from, string? to, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        errors.RequireText(visitTypeId, "visitType", 40);
        var firstDay = ParseDate(from, "from", ClinicClock.DateOf(zone, now), errors);
        var lastDay = ParseDate(to, "to", firstDay.AddDays(6), errors);
        errors.Require(lastDay >= firstDay && lastDay.DayNumber - firstDay.DayNumber < SchedulingRules.MaxSearchDays, "to",
            $"On or after from, at most {SchedulingRules.MaxSearchDays} days in all.");
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var setup = await setupStore.ReadAsync(cancellationToken);
        var visitType = setup.VisitType(visitTypeId!);
        if (visitType is null)
        {
            return Failure.Invalid("visitType", "No such visit type.");
        }

        var byStaff = BooksAsStaff(caller);
        if (!byStaff && visitType.SelfBooking == Setup.SelfBooking.StaffOnly)
        {
            return SchedulingRules.MayBook(visitType, byStaff, established: true)!;
        }

        IEnumerable<string> providers = providerId is { Length: > 0 }
            ? setup.Provider(providerId) is { Active: true } ? [providerId] : []
            : setup.Providers.Where(p => p.Value.Active).Select(p => p.Value.Id).Where(id => setup.Templates.Any(t => t.Value.ProviderId == id) || setup.Exceptions.Any(e => e.Value.ProviderId == id));
        if (providerId is { Length: > 0 } && !providers.Any())
        {
            return Failure.Invalid("provider", "No such provider taking bookings.");
        }

        var slots = new List<Slot>();
        var (windowStart, windowEnd) = (ClinicClock.At(zone, firstDay, TimeOnly.MinValue), ClinicClock.At(zone, lastDay.AddDays(1), TimeOnly.MinValue));
        foreach (var id in providers)
        {
            var taken = await claims.ListAsync(id, windowStart, windowEnd, cancellationToken);
            slots.AddRange(SchedulingRules.OpenSlots(setup, visitType, id, firstDay, lastDay, zone, taken, byStaff, now));
        }

        return new SlotSearch(visitType.Id, clinic.Value.TimeZone, firstDay, lastDay, [.. slots.OrderBy(s => s.Start).ThenBy(s => s.ProviderId, StringComparer.Ordinal)]);
    }

    /// <summary>True when the caller books as staff: a role that may change any patient's appointments.</summary>
    public static bool BooksAsStaff(Caller caller) => caller.Roles.Any(role => AccessPolicy.StaffAllows(role, Permission.Change(DataCategory.Appointments)));

    private static DateOnly ParseDate(string? text, string field, DateOnly fallback, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "A date as yyyy-MM-dd.");
        return fallback;
    }
}

/// <summary>Open slots of one visit type.</summary>
/// <param name="VisitTypeId">The visit type.</param>
/// <param name="TimeZone">The clinic's IANA zone the times are in.</param>
/// <param name="From">First date searched (clinic's dates).</param>
/// <param name="To">Last date searched.</param>
/// <param name="Slots">Open slots, soonest first.</param>
public sealed record SlotSearch(string VisitTypeId, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<Slot> Slots);
