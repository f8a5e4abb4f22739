using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Scheduling.Fhir;

/// <summary>
/// What the FHIR API plugs in for scheduling: the patient's <c>Appointment</c>s as a source read under the
/// Appointments category (the API opens and audits the chart), and the clinic's <c>Slot</c> and <c>Schedule</c>
/// (<see cref="IClinicFhirResources"/>): open slots exactly as the slot search shows them to the caller, one Schedule per provider.
/// </summary>
public sealed class SchedulingFhirReads(IAppointments appointments, IClinicSetup setupStore, FindSlots findSlots, IOptions<ClinicOptions> clinic, TimeProvider clock)
    : IClinicFhirResources
{
    /// <summary>The patient's appointments as a FHIR source.</summary>
    internal FhirSource Appointments => new AppointmentFhirSource(appointments, setupStore);

    /// <inheritdoc />
    public Task<Result<Page<Resource>>> SearchAsync(
        Caller caller, FhirResourceKind kind, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters, int count, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!FhirOffsets.TryRead(continuationToken, out var offset))
        {
            return Task.FromResult<Result<Page<Resource>>>(Failure.Invalid(FhirCatalog.ContinuationParameter, "This continuation token belongs to another search."));
        }

        return kind.Name == "Slot"
            ? SlotsAsync(caller, parameters, count, offset, cancellationToken)
            : SchedulesAsync(parameters, count, offset, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Resource?> FindAsync(Caller caller, FhirResourceKind kind, string id, CancellationToken cancellationToken)
    {
        if (kind.Name == "Schedule")
        {
            var setup = await setupStore.ReadAsync(cancellationToken);
            return setup.Provider(id) is { } provider ? SchedulingFhir.Schedule(provider, setup) : null;
        }

        if (!SchedulingFhir.TryReadSlotId(id, out var visitTypeId, out var providerId, out var start))
        {
            return null;
        }

        // A slot is computed: it is there while it is open to the caller.
        var day = $"{ClinicClock.DateOf(Zone, start):yyyy-MM-dd}";
        var found = await findSlots.ExecuteAsync(caller, visitTypeId, providerId, day, day, cancellationToken);
        var slot = found.Succeeded ? found.Value.Slots.FirstOrDefault(s => s.Start == start) : null;
        return slot is null ? null : SchedulingFhir.Slot(slot, (await setupStore.ReadAsync(cancellationToken)).VisitType(visitTypeId)!);
    }

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);

    private async Task<Result<Page<Resource>>> SlotsAsync(
        Caller caller, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters, int count, int offset, CancellationToken cancellationToken)
    {
        if (!parameters.TryGetValue("service-type", out var serviceTypes))
        {
            return Failure.Invalid("service-type", "Slot searches need service-type: the visit type's id.");
        }

        if (FhirToken.Parse(serviceTypes[0]) is not { } serviceType || serviceType.System is not (null or SchedulingFhir.VisitTypeSystem))
        {
            return Failure.Invalid("service-type", $"`[{SchedulingFhir.VisitTypeSystem}|]{{id}}`.");
        }

        var providerId = parameters.GetValueOrDefault("schedule")?[0] is { } schedule ? schedule.StartsWith("Schedule/", StringComparison.Ordinal) ? schedule["Schedule/".Length..] : schedule : null;
        var range = FhirDateRange.Any;
        foreach (var value in parameters.GetValueOrDefault("start") ?? [])
        {
            if (range.Narrow(value, Zone) is not { } narrowed)
            {
                return Failure.Invalid("start", $"A date with an optional prefix ({FhirDateRange.Prefixes}).");
            }

            range = narrowed;
        }

        var now = clock.GetUtcNow();
        var first = ClinicClock.DateOf(Zone, range.From is { } from && from > now ? from : now);
        var last = range.Until is { } until ? ClinicClock.DateOf(Zone, until.AddTicks(-1)) : first.AddDays(6);
        if (range.IsEmpty || last < first)
        {
            return new Page<Resource>([], null);
        }

        var found = await findSlots.ExecuteAsync(caller, serviceType.Code, providerId, $"{first:yyyy-MM-dd}", $"{last:yyyy-MM-dd}", cancellationToken);
        if (!found.Succeeded)
        {
            return Renamed(found.Failure);
        }

        var visitType = (await setupStore.ReadAsync(cancellationToken)).VisitType(serviceType.Code)!;
        return FhirOffsets.Page([.. found.Value.Slots.Where(s => range.Contains(s.Start)).Select(s => (Resource)SchedulingFhir.Slot(s, visitType))], count, offset);
    }

    private async Task<Result<Page<Resource>>> SchedulesAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> parameters, int count, int offset, CancellationToken cancellationToken)
    {
        var actor = parameters.GetValueOrDefault("actor")?[0];
        if (actor is not null && !actor.StartsWith("Practitioner/", StringComparison.Ordinal))
        {
            return Failure.Invalid("actor", "`Practitioner/{id}`.");
        }

        var setup = await setupStore.ReadAsync(cancellationToken);
        var providers = setup.Providers.Select(p => p.Value).Where(p => actor is null || $"Practitioner/{p.Id}" == actor).OrderBy(p => p.Id, StringComparer.Ordinal);
        return FhirOffsets.Page([.. providers.Select(p => (Resource)SchedulingFhir.Schedule(p, setup))], count, offset);
    }

    // The slot search names its fields as the portal's endpoint does; the FHIR search names them by its parameters.
    private static Failure Renamed(Failure failure) => failure.Errors is null ? failure : failure with
    {
        Errors = failure.Errors.ToDictionary(
            e => e.Key switch { "visitType" => "service-type", "provider" => "schedule", "from" or "to" => "start", _ => e.Key },
            e => e.Value),
    };
}
