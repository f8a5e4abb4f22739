using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Profile;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: a provider's day or week for the front desk, clinicians and administrators: every appointment with its
/// status (requested … no-show), whether the patient confirmed or checked in online, from the day-view index (one query),
/// with each patient's name (one profile read per patient shown, at once). Like the pool inbox it is not audited per
/// patient; opening an appointment is.
/// </summary>
public sealed class ViewProviderDays(IProviderDays days, IClinicSetup setupStore, IProfiles profiles, IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    /// <summary>The day (or <paramref name="dayCount"/> days, 1 to 7) from <paramref name="date"/>; 400/403.</summary>
    public async Task<Result<ProviderDays>> ExecuteAsync(Caller caller, string? providerId, string? date, int dayCount, CancellationToken cancellationToken)
    {
        if (!caller.Roles.Any(role => AccessPolicy.StaffAllows(role, Permission.Read(DataCategory.Appointments))))
        {
            return new Failure(FailureKind.Forbidden, "The day view is for the clinic's staff who see appointments.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
        var errors = new FieldErrors();
        errors.RequireText(providerId, "provider", 40);
        var first = ClinicClock.DateOf(zone, clock.GetUtcNow());
        errors.Require(string.IsNullOrEmpty(date) || DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first), "date", "A date as yyyy-MM-dd.");
        errors.Require(dayCount is >= 1 and <= 7, "days", "1 to 7.");
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var setup = await setupStore.ReadAsync(cancellationToken);
        if (setup.Provider(providerId!) is not { } provider)
        {
            return Failure.Invalid("provider", "No such provider.");
        }

        var last = first.AddDays(dayCount - 1);
        var items = await days.ListAsync(provider.Id, ClinicClock.At(zone, first, TimeOnly.MinValue), ClinicClock.At(zone, last.AddDays(1), TimeOnly.MinValue), cancellationToken);
        var names = await NamesAsync(items.Select(i => i.PatientId).Distinct(), cancellationToken);
        return new ProviderDays(provider.Id, provider.Name, clinic.Value.TimeZone, first, last, [.. items.Select(i => new DayEntry(
            ClinicClock.Local(zone, i.Start), ClinicClock.Local(zone, i.End), i.Status, i.ConfirmedAt, i.OnlineCheckInAt, i.PatientId, names.GetValueOrDefault(i.PatientId), i.AppointmentId,
            setup.VisitType(i.VisitTypeId)?.Name ?? i.VisitTypeId, setup.Location(i.LocationId)?.Name ?? i.LocationId))]);
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> patientIds, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(patientIds.Select(async id => (Id: id, Profile: await profiles.FindAsync(id, cancellationToken))));
        return found.Where(f => f.Profile is not null).ToDictionary(f => f.Id, f => f.Profile!.Value.DisplayName, StringComparer.Ordinal);
    }
}

/// <summary>A provider's appointments over some days.</summary>
/// <param name="ProviderId">The provider.</param>
/// <param name="Provider">Their name.</param>
/// <param name="TimeZone">The clinic's zone the times are in.</param>
/// <param name="From">First date.</param>
/// <param name="To">Last date.</param>
/// <param name="Items">The appointments, soonest first, whatever their status.</param>
public sealed record ProviderDays(string ProviderId, string Provider, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<DayEntry> Items);

/// <summary>One appointment in the day view.</summary>
/// <param name="Start">Start, local with offset.</param>
/// <param name="End">End.</param>
/// <param name="Status">Its status.</param>
/// <param name="ConfirmedAt">When the patient confirmed, or null.</param>
/// <param name="OnlineCheckInAt">When the patient checked in before the visit (contact, insurance, questionnaire), or null.</param>
/// <param name="PatientId">Whose.</param>
/// <param name="Patient">The patient's name, or null when their profile is gone.</param>
/// <param name="AppointmentId">Which.</param>
/// <param name="VisitType">The visit type's name.</param>
/// <param name="Location">The location's name.</param>
public sealed record DayEntry(
    DateTimeOffset Start, DateTimeOffset End, AppointmentStatus Status, DateTimeOffset? ConfirmedAt, DateTimeOffset? OnlineCheckInAt, string PatientId, string? Patient, string AppointmentId, string VisitType, string Location);
