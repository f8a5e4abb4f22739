using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling.Setup;

/// <summary>
/// Use cases: the clinic's scheduling setup. Anyone signed in reads it (patients pick visit types and providers from
/// it; it holds no patient data); Admin and FrontDesk change it, with ETags. A change never touches a booked
/// appointment: the appointments it leaves outside the provider's availability come back as conflicts for staff.
/// </summary>
public sealed class SetupChanges(IClinicSetup store, ISlotClaims claims, IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    /// <summary>How far ahead a change is checked against bookings.</summary>
    public static readonly TimeSpan ConflictWindow = TimeSpan.FromDays(366);

    /// <summary>The whole setup.</summary>
    public Task<ClinicSetup> ReadAsync(CancellationToken cancellationToken) => store.ReadAsync(cancellationToken);

    /// <summary>Creates (no If-Match) or replaces (If-Match) one item; 400/403/409/412/428.</summary>
    public async Task<Result<SetupSaved>> SaveAsync(Caller caller, ISetupItem item, string routeId, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!MayChange(caller))
        {
            return Refused();
        }

        var setup = await store.ReadAsync(cancellationToken);
        if (SetupRules.Validate(item, routeId, setup).ToFailure() is { } invalid)
        {
            return invalid;
        }

        var kind = ClinicSetup.KindOf(item);
        var current = setup.Find(kind, item.Id);
        if (VersionProblem(current, ifMatch) is { } stale)
        {
            return stale;
        }

        string eTag;
        try
        {
            eTag = await store.SaveAsync(item, current?.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return current is null
                ? new Failure(FailureKind.Conflict, "It was created concurrently; read it and change it with its ETag.")
                : Stale();
        }

        var providers = new[] { ProviderOf(item), current is null ? null : ProviderOf(current.Value) }.OfType<string>().Distinct();
        var conflicts = await ConflictsAsync(setup.With(item, eTag), providers, cancellationToken);
        return new SetupSaved(new Versioned<ISetupItem>(item, eTag), current is null, conflicts);
    }

    /// <summary>Deletes a template or an exception (If-Match); providers, locations and visit types are deactivated instead.</summary>
    public async Task<Result<SetupSaved>> DeleteAsync(Caller caller, SetupKind kind, string id, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!MayChange(caller))
        {
            return Refused();
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "Send the item's ETag in If-Match to delete it.");
        }

        var setup = await store.ReadAsync(cancellationToken);
        var current = setup.Find(kind, id);
        if (current is null)
        {
            return Failure.NotFound("The item");
        }

        if (VersionProblem(current, ifMatch) is { } stale)
        {
            return stale;
        }

        try
        {
            await store.DeleteAsync(kind, id, current.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Stale();
        }

        var conflicts = await ConflictsAsync(setup.Without(kind, id), [ProviderOf(current.Value)!], cancellationToken);
        return new SetupSaved(current, false, conflicts);
    }

    private async Task<IReadOnlyList<ScheduleConflict>> ConflictsAsync(ClinicSetup setup, IEnumerable<string> providerIds, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
        var now = clock.GetUtcNow();
        var conflicts = new List<ScheduleConflict>();
        foreach (var providerId in providerIds)
        {
            var units = await claims.ListAsync(providerId, SlotUnits.Floor(now), now + ConflictWindow, cancellationToken);
            conflicts.AddRange(ScheduleConflict.Find(setup, providerId, units, zone));
        }

        return conflicts;
    }

    private static string? ProviderOf(ISetupItem item) => item switch
    {
        AvailabilityTemplate t => t.ProviderId,
        AvailabilityException e => e.ProviderId,
        _ => null,
    };

    private static Failure? VersionProblem(Versioned<ISetupItem>? current, string? ifMatch) =>
        current is null
            ? string.IsNullOrWhiteSpace(ifMatch) ? null : Stale()
            : string.IsNullOrWhiteSpace(ifMatch) ? new Failure(FailureKind.PreconditionRequired, "It exists: send its ETag in If-Match to change it.")
            : ifMatch != current.ETag && ifMatch != "*" ? Stale()
            : null;

    private static bool MayChange(Caller caller) => caller.IsInRole(AppRoles.Admin) || caller.IsInRole(AppRoles.FrontDesk);

    private static Failure Refused() => new(FailureKind.Forbidden, "Only the front desk and administrators change the clinic's scheduling setup.");

    private static Failure Stale() => new(FailureKind.PreconditionFailed, "It changed since you read it; read it again and reapply your change.");
}

/// <summary>A saved (or deleted) setup item, with the bookings the change left outside the provider's availability.</summary>
/// <param name="Item">The item with its new ETag (after a delete: as it was).</param>
/// <param name="Created">True when it did not exist before.</param>
/// <param name="Conflicts">Booked appointments now outside availability, for staff to move or keep; never removed.</param>
public sealed record SetupSaved(Versioned<ISetupItem> Item, bool Created, IReadOnlyList<ScheduleConflict> Conflicts);
